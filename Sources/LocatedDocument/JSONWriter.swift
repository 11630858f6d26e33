/// Writes JSON deterministically: keys in the order the caller gives them, no whitespace variation,
/// shortest round-tripping numbers, and only the escapes RFC 8259 requires (plus U+2028 and U+2029,
/// which break JavaScript string literals).
///
/// Reporters build output with `JSONValue` literals so the key order is part of the code, which is
/// what keeps `--format json` byte-identical from run to run.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    /// Members in output order.
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .double(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }
}

extension JSONValue {
    /// Compact JSON text.
    public func serialized() -> String {
        String(decoding: serializedBytes(), as: UTF8.self)
    }

    /// Compact JSON text as UTF-8 bytes.
    public func serializedBytes() -> [UInt8] {
        var output: [UInt8] = []
        write(to: &output, indent: false, depth: 0)
        return output
    }

    /// JSON text indented with two spaces per level, ending without a newline.
    public func prettySerialized() -> String {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(to: &output, indent: true, depth: 0)
        return String(decoding: output, as: UTF8.self)
    }

    /// Pretty JSON of this value as it appears `depth` levels deep in a document (its inner lines
    /// indented for that depth), appended to `output`: for writers that stream a document in pieces.
    public func appendPretty(to output: inout [UInt8], depth: Int) {
        write(to: &output, indent: true, depth: depth)
    }

    /// A line break and the indentation of `depth`, as pretty output has it.
    public static func appendNewline(to output: inout [UInt8], depth: Int) {
        newline(to: &output, depth: depth)
    }

    /// A JSON string literal of `text`.
    public static func appendString(_ text: String, to output: inout [UInt8]) {
        writeString(text, to: &output)
    }

    // Output is built as UTF-8 bytes: appending runs of bytes is several times cheaper than
    // appending to a String scalar by scalar, and review JSON is megabytes for large corpora.
    private func write(to output: inout [UInt8], indent: Bool, depth: Int) {
        var writer = PrettyJSONWriter(depth: depth, indented: indent)
        swap(&writer.bytes, &output)
        writer.replay(self)
        swap(&writer.bytes, &output)
    }

    /// A line break and two spaces per level.
    private static func newline(to output: inout [UInt8], depth: Int) {
        let length = 1 + 2 * depth
        let indent = newlineAndIndent
        if length <= indent.utf8CodeUnitCount {
            output.append(contentsOf: UnsafeBufferPointer(start: indent.utf8Start, count: length))
        } else {
            output.append(UInt8(ascii: "\n"))
            output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
        }
    }

    /// A line break and the indentation of the deepest levels reports reach (24), copied in one
    /// piece. A static string, not an array: reading it retains nothing (a shared array's reference
    /// count was updated by every writer thread for every line).
    private static let newlineAndIndent: StaticString = "\n                                                "

    @inline(__always)
    static func append(_ text: String, to output: inout [UInt8]) {
        output.append(contentsOf: text.utf8)
    }

    /// The decimal digits of `value` (with a minus sign when negative), as `String(value)` spells
    /// them, written straight into `output` without making a string.
    static func appendDecimal(_ value: Int, to output: inout [UInt8]) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        if magnitude < 10 {
            output.append(UInt8(ascii: "0") + UInt8(magnitude))
            return
        }
        // 20 digits hold UInt64.max; filled from the end.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            output.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<20]))
        }
    }

    /// Whole numbers print with one decimal (`4.0`), so a score keeps its type across languages;
    /// non-finite numbers have no JSON form and print as null.
    static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if isWhole(number) { return String(Int(number)) + ".0" }
        return "\(number)"
    }

    /// A finite whole number small enough (|n| < 10^15) to print exactly as an integer: the numbers
    /// `format` and canonical JSON spell with digits only.
    @inline(__always)
    static func isWhole(_ number: Double) -> Bool {
        number.isFinite && number == number.rounded() && abs(number) < 1e15
    }

    static func writeString(_ text: String, to output: inout String) {
        var bytes: [UInt8] = []
        writeString(text, to: &bytes)
        output += String(decoding: bytes, as: UTF8.self)
    }

    /// `text` as a JSON string literal. Works on the UTF-8 bytes (a Swift string is valid UTF-8, so
    /// every byte >= 0x80 belongs to a multi-byte scalar and is copied as is) and copies the runs
    /// between escapes in one go.
    static func writeString(_ text: String, to output: inout [UInt8]) {
        if text.utf8.withContiguousStorageIfAvailable({ appendQuoted($0, to: &output) }) == nil {
            var text = text
            text.withUTF8 { appendQuoted($0, to: &output) }
        }
    }

    /// The longest string `appendQuoted` copies in one piece with its quotes.
    private static let shortString = 56

    /// `bytes` between quotes, escaped. A short string with nothing to escape (keys, codes, most
    /// values) goes in as one piece, quotes included, instead of three appends.
    @inline(__always)
    private static func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        let count = bytes.count
        if count <= shortString, !needsEscape(bytes) {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: shortString + 2) { quoted in
                quoted[0] = UInt8(ascii: "\"")
                if count > 0 { UnsafeMutableRawPointer(quoted.baseAddress! + 1).copyMemory(from: bytes.baseAddress!, byteCount: count) }
                quoted[count + 1] = UInt8(ascii: "\"")
                output.append(contentsOf: UnsafeBufferPointer(rebasing: quoted[0..<(count + 2)]))
            }
            return
        }
        output.append(UInt8(ascii: "\""))
        appendEscaped(bytes, to: &output)
        output.append(UInt8(ascii: "\""))
    }

    /// True when some byte of `bytes` may need an escape (see `firstEscapeCandidate`).
    @inline(__always)
    private static func needsEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        firstEscapeCandidate(bytes, from: 0) < bytes.count
    }

    /// The offset of the first byte from `start` on that is a control character, `"`, `\\` or 0xE2
    /// (the first byte of U+2028 and U+2029, and of other scalars that need no escape), or
    /// `bytes.count` when there is none. Eight bytes at a time while none of them can be one.
    @inline(__always)
    private static func firstEscapeCandidate(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        let count = bytes.count
        while i + 8 <= count, !mayNeedEscape(UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
            i += 8
        }
        while i < count {
            let byte = bytes[i]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0xE2 { return i }
            i += 1
        }
        return count
    }

    /// The UTF-8 `bytes` of a string, escaped as a JSON string literal's content.
    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var runStart = 0
        var i = 0
        let count = bytes.count
        while true {
            i = firstEscapeCandidate(bytes, from: i)
            guard i < count else { break }
            let byte = bytes[i]
            var length = 1
            if byte == 0xE2 {
                // Only U+2028 and U+2029 are escaped; other scalars led by 0xE2 ("–", "€") are copied.
                guard i + 2 < count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) else {
                    i += 1
                    continue
                }
                length = 3
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
            switch byte {
            case UInt8(ascii: "\""): append("\\\"", to: &output)
            case UInt8(ascii: "\\"): append("\\\\", to: &output)
            case UInt8(ascii: "\n"): append("\\n", to: &output)
            case UInt8(ascii: "\r"): append("\\r", to: &output)
            case UInt8(ascii: "\t"): append("\\t", to: &output)
            case 0xE2: append(bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", to: &output)
            default: append(unicodeEscape(UInt32(byte)), to: &output)
            }
            i += length
            runStart = i
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
    }

    /// False only when none of the eight bytes of `word` is a control character, `"`, `\\` or 0xE2
    /// (the first byte of U+2028 and U+2029); true may be a false alarm, answered byte by byte.
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let belowSpace = (word &- 0x20 &* ones) & ~word & highs != 0
        return belowSpace || hasZeroByte(word ^ (0x22 &* ones)) || hasZeroByte(word ^ (0x5C &* ones))
            || hasZeroByte(word ^ (0xE2 &* ones))
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

extension JSONValue {
    /// The JSON form of a parsed document node (positions dropped, member order kept).
    public init(_ node: DocumentNode) {
        switch node.value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .integer(let number): self = .int(number)
        case .number(let number): self = .double(number)
        case .string(let text): self = .string(text)
        case .array(let items): self = .array(items.map(JSONValue.init))
        case .object(let members): self = .object(members.map { ($0.key, JSONValue($0.value)) })
        }
    }
}
