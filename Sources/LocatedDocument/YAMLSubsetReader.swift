/// Reads the plain subset of YAML that profile files are written in, without libyaml, into the same
/// located tree through the same `YAMLTreeBuilder` (so the limits, duplicate-key checks and scalar
/// resolution are the ones the libyaml path applies). It gives up — returns nil — at the first thing
/// outside the subset, and `YAMLReader` then parses the whole file with libyaml, which decides
/// whether it is valid and reports any error. The subset never reports an error of its own.
///
/// The subset, line by line (anything else gives up):
/// - a root block mapping at column 1; full-line comments and blank lines anywhere outside block
///   scalars; a comment after a value when a space precedes its `#`;
/// - keys of ASCII letters, digits, `_`, `.` and `-` (not first), followed by `:` and a space or the
///   line's end;
/// - block mappings and block sequences (`- ` items, also at the indentation of their key), an item
///   that is itself a mapping starting on the item's line (`- code: P1`);
/// - values on the key's line: single-line plain scalars, single-line quoted scalars without
///   escapes (no `\` in double quotes, no `''` in single ones), flow mappings and flow sequences
///   of such scalars that close on the same line, and folded or literal block scalars (`>`, `>-`,
///   `|`, `|-`) whose lines all have the indentation of the first, with no blank line before the
///   last;
/// - text of printable characters, no tab, no carriage return, and none of the characters libyaml
///   counts as line breaks besides LF (NEL, LS, PS) or rejects (C1 controls, U+FEFF, U+FFFE, U+FFFF).
///
/// Positions are libyaml's: a mapping starts at its first key, a sequence at its first `-`, a flow
/// collection at its bracket, a quoted scalar at its opening quote and a block scalar at its `>` or
/// `|`; columns count Unicode scalars. `YAMLSubsetReaderTests` holds it to libyaml, node by node and
/// position by position, on every profile fixture and on thousands of mutated copies of them.
struct YAMLSubsetReader {
    /// Why the subset reader stopped: the file is outside the subset (or the builder refused it).
    struct Unsupported: Error {}

    let base: UnsafePointer<UInt8>
    let count: Int
    var builder: YAMLTreeBuilder
    /// The read position, and the line it is on.
    var position = 0
    var lines = LineCursor()
    /// Block scalar text, reused from one block scalar to the next.
    private var text: [UInt8] = []

    /// libyaml's limit on the length of a simple key (in characters); longer keys are its error.
    static let maximumKeyLength = 1000

    private init(_ input: UnsafeBufferPointer<UInt8>, limits: DocumentLimits) {
        base = input.baseAddress!
        count = input.count
        builder = YAMLTreeBuilder(limits: limits)
    }

    /// The tree of `input` (valid UTF-8, no byte order mark, not empty), or nil when it is not in
    /// the subset or the tree builder refuses it.
    static func read(_ input: UnsafeBufferPointer<UInt8>, limits: DocumentLimits) -> DocumentNode? {
        guard input.baseAddress != nil, !input.isEmpty else { return nil }
        var reader = YAMLSubsetReader(input, limits: limits)
        do {
            return try reader.document()
        } catch {
            return nil
        }
    }

    // MARK: - Document and block collections

    private mutating func document() throws(Unsupported) -> DocumentNode {
        guard let indent = try nextContentLine(), indent == 0 else { throw Unsupported() }
        try blockMapping(indent: 0)
        guard try nextContentLine() == nil, let root = builder.root else { throw Unsupported() }
        return root
    }

    /// A block mapping whose first key starts at `position`, at column `indent` + 1. Returns at the
    /// first line that is not part of it (see `nextContentLine`).
    private mutating func blockMapping(indent: Int) throws(Unsupported) {
        try startCollection(isMapping: true)
        while true {
            guard let length = keyLength(at: position) else { throw Unsupported() }
            try scalar(start: position, count: length, isPlain: true, at: location(of: position))
            position += length + 1
            try mappingValue(indent: indent)
            guard let next = try nextContentLine(), next >= indent else { break }
            guard next == indent else { throw Unsupported() }
        }
        builder.endCollection()
    }

    /// The value after a key's `:` in a mapping at column `indent` + 1.
    private mutating func mappingValue(indent: Int) throws(Unsupported) {
        let spaces = skipSpaces()
        if position == count || base[position] == 0x0A || (base[position] == UInt8(ascii: "#") && spaces > 0) {
            try finishLine(afterSpace: spaces > 0)
            // The value is on the lines below: a more indented collection, or a sequence at the
            // key's own indentation. An empty value (null) is left to libyaml.
            guard let next = try nextContentLine() else { throw Unsupported() }
            if next > indent {
                if startsSequenceEntry(at: position) { try blockSequence(indent: next) } else { try blockMapping(indent: next) }
            } else if next == indent, startsSequenceEntry(at: position) {
                try blockSequence(indent: indent)
            } else {
                throw Unsupported()
            }
            return
        }
        guard spaces > 0 else { throw Unsupported() }
        try inlineValue(indent: indent)
    }

    /// A block sequence whose first `-` is at `position`, at column `indent` + 1.
    private mutating func blockSequence(indent: Int) throws(Unsupported) {
        try startCollection(isMapping: false)
        while true {
            position += 1
            guard position < count, base[position] == 0x20 else { throw Unsupported() }
            _ = skipSpaces()
            guard position < count, base[position] != 0x0A, base[position] != UInt8(ascii: "#") else { throw Unsupported() }
            if keyLength(at: position) != nil {
                // Everything before the key on this line is `-` and spaces: bytes are columns.
                try blockMapping(indent: position - lines.lineStart)
            } else {
                guard !startsSequenceEntry(at: position) else { throw Unsupported() }
                try inlineValue(indent: indent)
            }
            guard let next = try nextContentLine(), next >= indent else { break }
            guard next == indent else { throw Unsupported() }
            guard startsSequenceEntry(at: position) else { break }
        }
        builder.endCollection()
    }

    /// A value that starts on the current line at `position`, in a collection at column `indent` + 1;
    /// returns at the start of the next line.
    private mutating func inlineValue(indent: Int) throws(Unsupported) {
        switch base[position] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            try flowCollection()
            try finishLine()
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            try quotedScalar()
            try finishLine()
        case UInt8(ascii: ">"), UInt8(ascii: "|"):
            try blockScalar(indent: indent)
        default:
            try plainScalar(inFlow: false)
            try finishLine()
        }
    }

    // MARK: - Scalars

    /// A single-line plain scalar at `position`; in a flow collection it also ends before `,`, `]`
    /// or `}`. Returns after its last character (trailing spaces are not part of it).
    private mutating func plainScalar(inFlow: Bool) throws(Unsupported) {
        let start = position
        let first = base[start]
        guard !Self.startsIndicator(first) else { throw Unsupported() }
        if first == UInt8(ascii: "-") {
            guard start + 1 < count, base[start + 1] != 0x20, base[start + 1] != 0x0A else { throw Unsupported() }
        }
        var end = start
        while position < count {
            let byte = base[position]
            if byte == 0x0A { break }
            if byte == 0x20 {
                if position + 1 < count, base[position + 1] == UInt8(ascii: "#") { break }
                position += 1
                continue
            }
            if byte == UInt8(ascii: ":") {
                // `: ` would make a key (libyaml's error here); in flow context libyaml's rules for
                // `:` depend on what follows, so any `:` gives up there.
                if inFlow || position + 1 == count || base[position + 1] == 0x20 || base[position + 1] == 0x0A { throw Unsupported() }
            } else if inFlow, Self.isFlowIndicator(byte) {
                guard byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") else { throw Unsupported() }
                break
            } else if isUnsupportedCharacter(at: position) {
                throw Unsupported()
            }
            position += 1
            end = position
        }
        guard end > start else { throw Unsupported() }
        try scalar(start: start, count: end - start, isPlain: true, at: location(of: start))
    }

    /// A single-line quoted scalar without escapes at `position`; returns after the closing quote.
    private mutating func quotedScalar() throws(Unsupported) {
        let quote = base[position]
        let start = position
        position += 1
        while true {
            guard position < count else { throw Unsupported() }
            let byte = base[position]
            if byte == quote { break }
            if byte == 0x0A || (byte == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"")) { throw Unsupported() }
            if isUnsupportedCharacter(at: position) { throw Unsupported() }
            position += 1
        }
        // `''` inside single quotes is an escaped quote.
        if quote == UInt8(ascii: "'"), position + 1 < count, base[position + 1] == quote { throw Unsupported() }
        let end = position
        position += 1
        // A quoted scalar followed by `:` is a key, which the subset does not have.
        if position < count, base[position] == UInt8(ascii: ":") { throw Unsupported() }
        try scalar(start: start + 1, count: end - start - 1, isPlain: false, at: location(of: start))
    }

    /// A folded (`>`) or literal (`|`) block scalar, clipped or stripped, in a collection at column
    /// `indent` + 1; returns at the start of the first line after it.
    private mutating func blockScalar(indent: Int) throws(Unsupported) {
        let scalarLocation = location(of: position)
        let folded = base[position] == UInt8(ascii: ">")
        position += 1
        var strip = false
        if position < count, base[position] == UInt8(ascii: "-") {
            strip = true
            position += 1
        }
        // Keep (`+`), indentation indicators and anything else after the indicator give up.
        guard position < count, base[position] == 0x20 || base[position] == 0x0A else { throw Unsupported() }
        try finishLine()
        text.removeAll(keepingCapacity: true)
        var contentIndent = 0
        var lines = 0
        var blankLinesAfterContent = false
        var endsWithBreak = false
        while position < count {
            var spaces = 0
            while position + spaces < count, base[position + spaces] == 0x20 { spaces += 1 }
            let first = position + spaces
            if first == count || base[first] == 0x0A {
                // A blank line: only empty lines after the content (which chomping drops).
                guard spaces == 0, lines > 0 else { throw Unsupported() }
                blankLinesAfterContent = true
                if first == count { break }
                newline()
                continue
            }
            if spaces <= indent || (lines > 0 && spaces < contentIndent) { break }
            if lines == 0 { contentIndent = spaces } else if spaces > contentIndent || blankLinesAfterContent { throw Unsupported() }
            if lines > 0 { text.append(folded ? 0x20 : 0x0A) }
            position = first
            while position < count, base[position] != 0x0A {
                if isUnsupportedCharacter(at: position) { throw Unsupported() }
                position += 1
            }
            text.append(contentsOf: UnsafeBufferPointer(start: base + first, count: position - first))
            lines += 1
            endsWithBreak = position < count
            if endsWithBreak { newline() }
        }
        guard lines > 0 else { throw Unsupported() }
        // Clipping keeps the last line's break, when it has one (not at the end of the input).
        if !strip, endsWithBreak { text.append(0x0A) }
        let value = text
        try build { (builder) throws(DocumentParseError) in
            try value.withUnsafeBufferPointer { (bytes) throws(DocumentParseError) in
                try builder.scalar(bytes, tag: nil, isPlain: false, anchor: nil, at: scalarLocation)
            }
        }
    }

    // MARK: - Flow collections

    /// A flow mapping or sequence of scalars that closes on the line it opens.
    private mutating func flowCollection() throws(Unsupported) {
        let isMapping = base[position] == UInt8(ascii: "{")
        let close = isMapping ? UInt8(ascii: "}") : UInt8(ascii: "]")
        try startCollection(isMapping: isMapping)
        position += 1
        _ = skipSpaces()
        if position < count, base[position] == close {
            position += 1
            builder.endCollection()
            return
        }
        while true {
            guard position < count else { throw Unsupported() }
            if isMapping {
                guard let length = keyLength(at: position), position + length + 1 < count, base[position + length + 1] == 0x20 else {
                    throw Unsupported()
                }
                try scalar(start: position, count: length, isPlain: true, at: location(of: position))
                position += length + 1
                _ = skipSpaces()
                guard position < count else { throw Unsupported() }
            }
            switch base[position] {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): try quotedScalar()
            default: try plainScalar(inFlow: true)
            }
            _ = skipSpaces()
            guard position < count else { throw Unsupported() }
            if base[position] == close { break }
            guard base[position] == UInt8(ascii: ",") else { throw Unsupported() }
            position += 1
            _ = skipSpaces()
            // A trailing comma, a second comma or a line break: left to libyaml.
            guard position < count, base[position] != close, base[position] != UInt8(ascii: ","), base[position] != 0x0A else {
                throw Unsupported()
            }
        }
        position += 1
        builder.endCollection()
    }

    // MARK: - The builder

    /// Runs one builder step; a builder error gives up (libyaml's parse then reports it, or an
    /// earlier problem, itself).
    @inline(__always)
    private mutating func build(_ step: (inout YAMLTreeBuilder) throws(DocumentParseError) -> Void) throws(Unsupported) {
        do {
            try step(&builder)
        } catch {
            throw Unsupported()
        }
    }

    private mutating func startCollection(isMapping: Bool) throws(Unsupported) {
        let here = location(of: position)
        try build { (builder) throws(DocumentParseError) in
            try builder.startCollection(isMapping: isMapping, tag: nil, anchor: nil, at: here)
        }
    }

    private mutating func scalar(start: Int, count length: Int, isPlain: Bool, at location: SourceLocation) throws(Unsupported) {
        let bytes = UnsafeBufferPointer(start: base + start, count: length)
        try build { (builder) throws(DocumentParseError) in
            try builder.scalar(bytes, tag: nil, isPlain: isPlain, anchor: nil, at: location)
        }
    }
}
