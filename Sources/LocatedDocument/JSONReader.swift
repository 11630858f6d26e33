/// A strict RFC 8259 JSON reader that records where every value (and every object key) starts.
///
/// It works directly on the byte buffer: ASCII-only strings without escapes are decoded in one step,
/// and positions are computed lazily (only when a node is created) with a per-line cache, so a
/// minified one-line file stays linear. Nesting is bounded by `DocumentLimits.maxDepth` (and a hard
/// cap that keeps recursion far from the stack limit), so hostile input fails with an error instead
/// of a crash.
public enum JSONReader {
    /// The deepest nesting the reader will ever recurse into, whatever the limits say; the recursive
    /// descent uses a few hundred bytes of stack per level, so this stays well under any thread's stack.
    public static let hardMaxDepth = 1_000

    public static func read(_ bytes: [UInt8], limits: DocumentLimits = .default) throws(DocumentParseError) -> DocumentNode {
        if bytes.count > limits.maxBytes {
            throw DocumentParseError(
                code: "file_too_large",
                message: "expected a file of at most \(limits.maxBytes) bytes, found \(bytes.count) bytes",
                location: .startOfFile,
                hint: "split the document or raise the size limit"
            )
        }
        let result: Result<DocumentNode, DocumentParseError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONByteParser(buffer, limits: limits)
            do throws(DocumentParseError) {
                return .success(try parser.parseDocument())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

/// The parser state over one buffer. Kept internal; `JSONReader.read` is the entry point.
struct JSONByteParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let limits: DocumentLimits
    let maxDepth: Int
    var position = 0
    var depth = 0
    var nodeCount = 0

    var lines = LineCursor()

    init(_ bytes: UnsafeBufferPointer<UInt8>, limits: DocumentLimits) {
        self.bytes = bytes
        self.limits = limits
        self.maxDepth = min(limits.maxDepth, JSONReader.hardMaxDepth)
    }

    // MARK: Document

    mutating func parseDocument() throws(DocumentParseError) -> DocumentNode {
        // A UTF-8 byte order mark is tolerated (RFC 8259 §8.1 allows ignoring it).
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            position = 3
            lines = LineCursor(lineStart: 3)
        }
        skipWhitespace()
        guard position < bytes.count else {
            throw error("empty_document", "expected a JSON value, found an empty document")
        }
        let root = try parseValue()
        skipWhitespace()
        if position < bytes.count {
            throw error("trailing_content", "expected end of document after the top-level value, found \(describeCurrent())",
                        hint: "a JSON file holds exactly one value; wrap several values in an array")
        }
        return root
    }

    // MARK: Values

    mutating func parseValue() throws(DocumentParseError) -> DocumentNode {
        nodeCount += 1
        if nodeCount > limits.maxNodes {
            throw error("node_limit", "expected at most \(limits.maxNodes) values, found more")
        }
        let location = currentLocation()
        guard position < bytes.count else {
            throw error("unexpected_end_of_input", "expected a value, found end of input")
        }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            return try parseObject(at: location)
        case UInt8(ascii: "["):
            return try parseArray(at: location)
        case UInt8(ascii: "\""):
            return DocumentNode(.string(try parseString()), at: location)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return DocumentNode(try parseNumber(), at: location)
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return DocumentNode(.bool(true), at: location)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return DocumentNode(.bool(false), at: location)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return DocumentNode(.null, at: location)
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            throw error("invalid_number", "expected a value, found \(describeCurrent())",
                        hint: "JSON has no NaN or Infinity; use null or a string")
        case UInt8(ascii: "'"):
            throw error("unexpected_character", "expected a value, found \(describeCurrent())",
                        hint: "JSON strings use double quotes")
        default:
            throw error(codeForUnexpectedByte(), "expected a value, found \(describeCurrent())")
        }
    }

    mutating func expectLiteral(_ word: StaticString) throws(DocumentParseError) {
        let start = position
        let count = word.utf8CodeUnitCount
        let matches = word.withUTF8Buffer { literal in
            guard start + count <= bytes.count else { return false }
            for index in 0..<count where bytes[start + index] != literal[index] { return false }
            return true
        }
        guard matches else {
            // Show the whole bare word (`tru`, `nul`, `True`) rather than just its first letter.
            var end = start
            while end < bytes.count, end - start < 20, isIdentifierByte(bytes[end]) { end += 1 }
            let found = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            throw error("unexpected_character", "expected \(word), found '\(found)'",
                        hint: "JSON literals are lowercase true, false and null; quote text as a string")
        }
        position += count
        // `truex` is not a literal followed by garbage we can skip: report it here.
        if position < bytes.count, isIdentifierByte(bytes[position]) {
            throw error("unexpected_character", "expected a delimiter after \(word), found \(describeCurrent())")
        }
    }

    mutating func enterContainer() throws(DocumentParseError) {
        depth += 1
        if depth > maxDepth {
            throw error("too_deep", "expected nesting of at most \(maxDepth) levels, found deeper nesting",
                        hint: "flatten the document")
        }
    }

    mutating func parseArray(at location: SourceLocation) throws(DocumentParseError) -> DocumentNode {
        try enterContainer()
        position += 1  // [
        var items: [DocumentNode] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return DocumentNode(.array(items), at: location)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            guard position < bytes.count else {
                throw error("unexpected_end_of_input", "expected ',' or ']' in the array starting at \(location), found end of input")
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: ",") {
                position += 1
                skipWhitespace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                    throw error("trailing_comma", "expected a value after ',', found ']'", hint: "remove the trailing comma")
                }
            } else if byte == UInt8(ascii: "]") {
                position += 1
                depth -= 1
                return DocumentNode(.array(items), at: location)
            } else {
                throw error(codeForUnexpectedByte(), "expected ',' or ']' in the array starting at \(location), found \(describeCurrent())")
            }
        }
    }

    mutating func parseObject(at location: SourceLocation) throws(DocumentParseError) -> DocumentNode {
        try enterContainer()
        position += 1  // {
        var members: [DocumentNode.Member] = []
        // Small objects are checked for duplicate keys by a linear scan; larger ones use this index.
        var keyIndex: [String: Int] = [:]
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return DocumentNode(.object(members), at: location)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count else {
                throw error("unexpected_end_of_input", "expected a key in the object starting at \(location), found end of input")
            }
            guard bytes[position] == UInt8(ascii: "\"") else {
                if bytes[position] == UInt8(ascii: "}") {
                    throw error("trailing_comma", "expected a key after ',', found '}'", hint: "remove the trailing comma")
                }
                throw error(codeForUnexpectedByte(), "expected a double-quoted key in the object starting at \(location), found \(describeCurrent())")
            }
            let keyLocation = currentLocation()
            let key = try parseString()
            if let previous = firstOccurrence(of: key, in: members, index: &keyIndex) {
                throw DocumentParseError(
                    code: "duplicate_key",
                    message: "duplicate key \"\(key)\": expected each key once per object, found it again (first at line \(previous.line), column \(previous.column))",
                    location: keyLocation,
                    hint: "remove or rename one of the two \"\(key)\" entries"
                )
            }
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                let found = position < bytes.count ? describeCurrent() : "end of input"
                throw error(position < bytes.count ? "unexpected_character" : "unexpected_end_of_input",
                            "expected ':' after key \"\(key)\", found \(found)")
            }
            position += 1
            skipWhitespace()
            let value = try parseValue()
            members.append(DocumentNode.Member(key: key, keyLocation: keyLocation, value: value))
            if members.count > 8 { keyIndex[key] = members.count - 1 }
            skipWhitespace()
            guard position < bytes.count else {
                throw error("unexpected_end_of_input", "expected ',' or '}' in the object starting at \(location), found end of input")
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: ",") {
                position += 1
            } else if byte == UInt8(ascii: "}") {
                position += 1
                depth -= 1
                return DocumentNode(.object(members), at: location)
            } else {
                throw error(codeForUnexpectedByte(), "expected ',' or '}' in the object starting at \(location), found \(describeCurrent())")
            }
        }
    }

    /// The key location of an earlier member named `key`, if any.
    private func firstOccurrence(of key: String, in members: [DocumentNode.Member], index: inout [String: Int]) -> SourceLocation? {
        if members.count < 8 {
            return members.first(where: { $0.key == key })?.keyLocation
        }
        if index.isEmpty {
            for (offset, member) in members.enumerated() { index[member.key] = offset }
        }
        return index[key].map { members[$0].keyLocation }
    }

    // MARK: Whitespace and positions

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                position += 1
            case UInt8(ascii: "\n"):
                position += 1
                lines.startLine(at: position)
            default:
                return
            }
        }
    }

    /// The line and scalar column of `position`. Continuation bytes (10xxxxxx) do not start a scalar.
    mutating func currentLocation() -> SourceLocation {
        location(of: position)
    }

    mutating func location(of offset: Int) -> SourceLocation {
        lines.location(of: offset, in: bytes)
    }

    func isIdentifierByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }

    // MARK: Errors

    mutating func error(_ code: String, _ message: String, hint: String? = nil) -> DocumentParseError {
        DocumentParseError(code: code, message: message, location: currentLocation(), hint: hint)
    }

    /// `invalid_utf8` when the byte at the cursor does not start a well-formed UTF-8 sequence.
    func codeForUnexpectedByte() -> String {
        guard position < bytes.count, bytes[position] >= 0x80 else { return "unexpected_character" }
        return utf8SequenceLength(at: position) == nil ? "invalid_utf8" : "unexpected_character"
    }

    /// A short human description of what is at the cursor: `'x'`, `U+00E9 'é'`, or `invalid UTF-8 byte 0xFF`.
    func describeCurrent() -> String {
        guard position < bytes.count else { return "end of input" }
        let byte = bytes[position]
        if byte < 0x20 { return "control character U+\(hex(UInt32(byte), width: 4))" }
        if byte < 0x80 { return "'\(Character(Unicode.Scalar(byte)))'" }
        guard let length = utf8SequenceLength(at: position) else { return "invalid UTF-8 byte 0x\(hex(UInt32(byte), width: 2))" }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<position + length]), as: UTF8.self)
        let scalar = text.unicodeScalars.first!.value
        return "U+\(hex(scalar, width: 4)) '\(text)'"
    }
}

func hex(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
