/// The patterns schemas mostly use — ASCII literals and classes, groups, `? * + {n,m}`, `^` and
/// `$` — compiled into a small automaton that reads a string's bytes once. `CompiledPattern` uses
/// it when a pattern stays inside that subset and NSRegularExpression otherwise: a profile has a
/// dozen patterned strings, and each NSRegularExpression call costs far more than the match.
///
/// Meaning is ECMA-262's for the subset: `$` matches only at the very end, `\d` and `\w` are ASCII,
/// and no pattern is implicitly anchored. Every atom matches one ASCII character, so a non-ASCII
/// character matches no atom, whichever encoding counts it. The automaton is a Thompson NFA
/// simulated state set by state set: time is linear in the text, whatever the pattern (no
/// backtracking).
struct SimplePattern: Sendable {
    private enum State: Sendable {
        /// One ASCII byte in the set (bit `b` of `low` for b < 64, of `high` for 64 ≤ b < 128).
        case byte(low: UInt64, high: UInt64, next: Int)
        case split(Int, Int)
        case accept
    }

    private let states: [State]
    private let start: Int
    private let anchoredStart: Bool
    private let anchoredEnd: Bool

    /// The automaton of `source`, or nil when the pattern uses anything outside the subset.
    init?(_ source: String) {
        guard source.unicodeScalars.allSatisfy(\.isASCII) else { return nil }
        var parser = Parser(bytes: Array(source.utf8))
        if parser.peek == UInt8(ascii: "^") {
            anchoredStart = true
            parser.index += 1
        } else {
            anchoredStart = false
        }
        guard let pieces = parser.sequence(), parser.atEnd || parser.peek == UInt8(ascii: "$") else { return nil }
        if parser.peek == UInt8(ascii: "$") {
            parser.index += 1
            guard parser.atEnd else { return nil }
            anchoredEnd = true
        } else {
            anchoredEnd = false
        }
        var builder = Builder()
        let accept = builder.add(.accept)
        guard let start = builder.sequence(pieces, next: accept), builder.states.count <= 4096 else { return nil }
        self.states = builder.states
        self.start = start
    }

    func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { matches(bytes: $0) }
    }

    private func matches(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = states.count
        // One scratch allocation (on the stack when small): the current and next state lists, the
        // visit marks and the closure's work stack (each state pushes at most two others).
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 5 * count + 1) { scratch in
            let base = scratch.baseAddress!
            var current = base
            var next = base + count
            let mark = base + 2 * count
            let stack = base + 3 * count
            mark.initialize(repeating: -1, count: count)
            var currentCount = 0
            var nextCount = 0
            var generation = 0
            if add(start, to: current, &currentCount, mark: mark, stack: stack, generation: generation) { return true }
            for byte in bytes {
                generation += 1
                nextCount = 0
                for index in 0..<currentCount {
                    guard case .byte(let low, let high, let target) = states[current[index]], Self.contains(byte, low, high) else { continue }
                    if add(target, to: next, &nextCount, mark: mark, stack: stack, generation: generation) { return true }
                }
                if !anchoredStart, add(start, to: next, &nextCount, mark: mark, stack: stack, generation: generation) { return true }
                swap(&current, &next)
                currentCount = nextCount
                if currentCount == 0 { return false }
            }
            guard anchoredEnd else { return false }
            for index in 0..<currentCount {
                if case .accept = states[current[index]] { return true }
            }
            return false
        }
    }

    /// Adds `state` and every state reachable from it without reading a byte to `list`. Returns
    /// true when the pattern has matched: an accepting state was reached and the end need not be at
    /// the text's end.
    private func add(
        _ state: Int, to list: UnsafeMutablePointer<Int>, _ listCount: inout Int, mark: UnsafeMutablePointer<Int>,
        stack: UnsafeMutablePointer<Int>, generation: Int
    ) -> Bool {
        var depth = 1
        stack[0] = state
        while depth > 0 {
            depth -= 1
            let state = stack[depth]
            guard mark[state] != generation else { continue }
            mark[state] = generation
            switch states[state] {
            case .split(let first, let second):
                stack[depth] = second
                stack[depth + 1] = first
                depth += 2
            case .accept:
                if !anchoredEnd { return true }
                list[listCount] = state
                listCount += 1
            case .byte:
                list[listCount] = state
                listCount += 1
            }
        }
        return false
    }

    @inline(__always)
    private static func contains(_ byte: UInt8, _ low: UInt64, _ high: UInt64) -> Bool {
        if byte < 64 { return low >> UInt64(byte) & 1 != 0 }
        if byte < 128 { return high >> UInt64(byte - 64) & 1 != 0 }
        return false
    }

    // MARK: Parsing

    fileprivate indirect enum Atom {
        case set(low: UInt64, high: UInt64)
        case group([Piece])
    }

    fileprivate struct Piece {
        var atom: Atom
        var minimum: Int
        /// nil: unbounded.
        var maximum: Int?
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index >= bytes.count }
        var peek: UInt8? { atEnd ? nil : bytes[index] }

        /// Pieces up to the end, a `)` or a final `$`; nil on anything outside the subset.
        mutating func sequence() -> [Piece]? {
            var pieces: [Piece] = []
            while let byte = peek, byte != UInt8(ascii: ")") {
                if byte == UInt8(ascii: "$") { return index == bytes.count - 1 ? pieces : nil }
                guard let atom = atom(), let (minimum, maximum) = quantifier() else { return nil }
                pieces.append(Piece(atom: atom, minimum: minimum, maximum: maximum))
            }
            return pieces
        }

        private mutating func atom() -> Atom? {
            guard let byte = peek else { return nil }
            index += 1
            switch byte {
            case UInt8(ascii: "["):
                return characterClass()
            case UInt8(ascii: "("):
                guard peek != UInt8(ascii: "?"), let inner = sequence(), peek == UInt8(ascii: ")") else { return nil }
                index += 1
                return .group(inner)
            case UInt8(ascii: "\\"):
                guard let escaped = escape(inClass: false) else { return nil }
                return .set(low: escaped.low, high: escaped.high)
            case UInt8(ascii: "."), UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "?"),
                 UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ")"):
                return nil
            default:
                let (low, high) = Self.single(byte)
                return .set(low: low, high: high)
            }
        }

        /// `? * + {n} {n,} {n,m}`, or none; nil for a lazy or malformed quantifier.
        private mutating func quantifier() -> (Int, Int?)? {
            let bounds: (Int, Int?)
            switch peek {
            case UInt8(ascii: "?"): bounds = (0, 1); index += 1
            case UInt8(ascii: "*"): bounds = (0, nil); index += 1
            case UInt8(ascii: "+"): bounds = (1, nil); index += 1
            case UInt8(ascii: "{"):
                index += 1
                guard let minimum = number() else { return nil }
                var maximum: Int? = minimum
                if peek == UInt8(ascii: ",") {
                    index += 1
                    maximum = peek == UInt8(ascii: "}") ? nil : number()
                    if maximum == nil && peek != UInt8(ascii: "}") { return nil }
                }
                guard peek == UInt8(ascii: "}"), maximum.map({ $0 >= minimum }) ?? true else { return nil }
                index += 1
                bounds = (minimum, maximum)
            default:
                return (1, 1)
            }
            // A lazy or possessive marker, or a second quantifier, is left to NSRegularExpression.
            if let byte = peek, [UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "{")].contains(byte) { return nil }
            return bounds
        }

        private mutating func number() -> Int? {
            var value = 0
            var digits = 0
            while let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 4 {
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                index += 1
            }
            return digits > 0 && value <= 1000 ? value : nil
        }

        /// `[...]` after its `[`: ASCII characters, ranges, `\d`, `\w` and escaped characters; no negation.
        private mutating func characterClass() -> Atom? {
            guard peek != UInt8(ascii: "^"), peek != UInt8(ascii: "]") else { return nil }
            var low: UInt64 = 0
            var high: UInt64 = 0
            while let byte = peek, byte != UInt8(ascii: "]") {
                index += 1
                var first: UInt8
                if byte == UInt8(ascii: "\\") {
                    guard let escaped = escape(inClass: true) else { return nil }
                    guard let literal = escaped.literal else {
                        low |= escaped.low
                        high |= escaped.high
                        continue
                    }
                    first = literal
                } else if byte == UInt8(ascii: "[") {
                    return nil
                } else {
                    first = byte
                }
                // A range `a-b`; a `-` first or last in the class is itself.
                if peek == UInt8(ascii: "-"), index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: "]") {
                    index += 1
                    guard let last = peek, last != UInt8(ascii: "\\"), last != UInt8(ascii: "["), last >= first else { return nil }
                    index += 1
                    for value in first...last { (low, high) = Self.adding(value, low, high) }
                } else {
                    (low, high) = Self.adding(first, low, high)
                }
            }
            guard peek == UInt8(ascii: "]") else { return nil }
            index += 1
            return .set(low: low, high: high)
        }

        /// The escape after a `\`: `\d`, `\w`, or an escaped punctuation character (`literal` set).
        private mutating func escape(inClass: Bool) -> (low: UInt64, high: UInt64, literal: UInt8?)? {
            guard let byte = peek else { return nil }
            index += 1
            switch byte {
            case UInt8(ascii: "d"):
                var set: (UInt64, UInt64) = (0, 0)
                for value in UInt8(ascii: "0")...UInt8(ascii: "9") { set = Self.adding(value, set.0, set.1) }
                return (set.0, set.1, nil)
            case UInt8(ascii: "w"):
                var set: (UInt64, UInt64) = (0, 0)
                for range in [UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9")] {
                    for value in range { set = Self.adding(value, set.0, set.1) }
                }
                set = Self.adding(UInt8(ascii: "_"), set.0, set.1)
                return (set.0, set.1, nil)
            default:
                // Only punctuation escapes stand for themselves in every flavour; letters and digits
                // (\b, \s, \1, \u …) mean something else and are left to NSRegularExpression.
                guard byte < 0x80, !(byte >= 0x30 && byte <= 0x39), !(byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) else { return nil }
                let (low, high) = Self.single(byte)
                return (low, high, byte)
            }
        }

        static func single(_ byte: UInt8) -> (UInt64, UInt64) { adding(byte, 0, 0) }

        static func adding(_ byte: UInt8, _ low: UInt64, _ high: UInt64) -> (UInt64, UInt64) {
            byte < 64 ? (low | 1 << UInt64(byte), high) : (low, high | 1 << UInt64(byte - 64))
        }
    }

    // MARK: Building the automaton

    private struct Builder {
        var states: [State] = []

        mutating func add(_ state: State) -> Int {
            states.append(state)
            return states.count - 1
        }

        /// The entry state of `pieces` followed by `next`, built back to front; nil when too large.
        mutating func sequence(_ pieces: [Piece], next: Int) -> Int? {
            var entry = next
            for piece in pieces.reversed() {
                guard let start = self.piece(piece, next: entry), states.count <= 4096 else { return nil }
                entry = start
            }
            return entry
        }

        private mutating func piece(_ piece: Piece, next: Int) -> Int? {
            var entry = next
            if let maximum = piece.maximum {
                // Optional copies, innermost last: each may be skipped straight to `next`.
                for _ in 0..<(maximum - piece.minimum) {
                    guard let atomStart = atom(piece.atom, next: entry) else { return nil }
                    entry = add(.split(atomStart, next))
                }
            } else {
                // A loop: the split state is made first, so the atom can return to it.
                let loop = add(.split(-1, next))
                guard let atomStart = atom(piece.atom, next: loop) else { return nil }
                states[loop] = .split(atomStart, next)
                entry = loop
            }
            for _ in 0..<piece.minimum {
                guard let atomStart = atom(piece.atom, next: entry) else { return nil }
                entry = atomStart
            }
            return entry
        }

        private mutating func atom(_ atom: Atom, next: Int) -> Int? {
            switch atom {
            case .set(let low, let high): return add(.byte(low: low, high: high, next: next))
            case .group(let pieces): return sequence(pieces, next: next)
            }
        }
    }
}
