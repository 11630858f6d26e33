// YAML 1.2 core schema resolution (https://yaml.org/spec/1.2.2/#1023-core-schema), by byte checks.

extension YAMLReader {
    /// The tags the reader honours, and what any other tag is.
    enum Tag: Equatable {
        /// `!`: the non-specific tag; forces a scalar to be a string.
        case nonSpecific
        case str, int, float, bool, null, map, seq
        /// Any other tag, as written in the source (`!!binary`, `!ruby/object`, `!custom`).
        case unsupported(String)

        static let yamlPrefix = "tag:yaml.org,2002:"

        init(_ tag: UnsafePointer<UInt8>) {
            let text = String(cString: tag)
            switch text {
            case "!": self = .nonSpecific
            case Self.yamlPrefix + "str": self = .str
            case Self.yamlPrefix + "int": self = .int
            case Self.yamlPrefix + "float": self = .float
            case Self.yamlPrefix + "bool": self = .bool
            case Self.yamlPrefix + "null": self = .null
            case Self.yamlPrefix + "map": self = .map
            case Self.yamlPrefix + "seq": self = .seq
            default:
                self = .unsupported(text.hasPrefix(Self.yamlPrefix) ? "!!" + text.dropFirst(Self.yamlPrefix.count) : text)
            }
        }

        /// The tag as an author writes it.
        var spelling: String {
            switch self {
            case .nonSpecific: return "!"
            case .str: return "!!str"
            case .int: return "!!int"
            case .float: return "!!float"
            case .bool: return "!!bool"
            case .null: return "!!null"
            case .map: return "!!map"
            case .seq: return "!!seq"
            case .unsupported(let text): return text
            }
        }
    }

    static func unsupportedTagError(_ tag: String, at location: SourceLocation) -> DocumentParseError {
        DocumentParseError(
            code: "unsupported_tag",
            message: "found tag \"\(tag)\"; expected no tag or one of !!str, !!int, !!float, !!bool, !!null, !!map, !!seq",
            location: location,
            hint: "remove the tag; profiles hold plain data only"
        )
    }

    static func invalidTaggedValueError(_ found: String, tag: Tag, expected: String, at location: SourceLocation) -> DocumentParseError {
        DocumentParseError(
            code: "invalid_tagged_value",
            message: "found \(found) tagged \(tag.spelling); expected \(expected)",
            location: location,
            hint: "remove the tag or change the value"
        )
    }

    /// The value of a scalar with the given tag (nil: no tag) and style.
    static func resolveScalar(
        _ bytes: UnsafeBufferPointer<UInt8>, tag: UnsafePointer<UInt8>?, isPlain: Bool, at location: SourceLocation
    ) throws(DocumentParseError) -> DocumentNode.Value {
        guard let tag else {
            return isPlain ? resolvePlain(bytes) : .string(string(bytes))
        }
        let resolvedTag = Tag(tag)
        let found: DocumentNode.Value?
        let expected: String
        switch resolvedTag {
        case .nonSpecific, .str:
            return .string(string(bytes))
        case .null:
            found = isNull(bytes) ? .null : nil
            expected = "null, Null, NULL, ~ or nothing"
        case .bool:
            found = bool(bytes).map { .bool($0) }
            expected = "true or false"
        case .int:
            found = integer(bytes)
            expected = "an integer (decimal, 0o octal or 0x hexadecimal)"
        case .float:
            switch integer(bytes) ?? float(bytes) {
            case .integer(let value)?: found = .number(Double(value))
            case let other: found = other
            }
            expected = "a number"
        case .map, .seq:
            throw invalidTaggedValueError("a scalar", tag: resolvedTag, expected: resolvedTag == .map ? "a mapping" : "a sequence", at: location)
        case .unsupported(let text):
            throw unsupportedTagError(text, at: location)
        }
        guard let found else {
            throw invalidTaggedValueError("\"\(string(bytes))\"", tag: resolvedTag, expected: expected, at: location)
        }
        return found
    }

    @inline(__always)
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Core schema resolution of an untagged plain scalar.
    static func resolvePlain(_ bytes: UnsafeBufferPointer<UInt8>) -> DocumentNode.Value {
        guard let first = bytes.first else { return .null }
        switch first {
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "~"):
            if isNull(bytes) { return .null }
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            if let flag = bool(bytes) { return .bool(flag) }
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            if let number = integer(bytes) ?? float(bytes) { return number }
        default:
            break
        }
        return .string(string(bytes))
    }

    /// `null | Null | NULL | ~ | (empty)`.
    static func isNull(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch bytes.count {
        case 0: return true
        case 1: return bytes[0] == UInt8(ascii: "~")
        case 4: return matches(bytes, "null", "Null", "NULL")
        default: return false
        }
    }

    /// `true | True | TRUE | false | False | FALSE`; nothing else (`yes`, `on` are strings).
    static func bool(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        switch bytes.count {
        case 4: return matches(bytes, "true", "True", "TRUE") ? true : nil
        case 5: return matches(bytes, "false", "False", "FALSE") ? false : nil
        default: return nil
        }
    }

    /// `[-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+`; values beyond `Int` become `.number`.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> DocumentNode.Value? {
        let count = bytes.count
        guard count > 0 else { return nil }
        if count > 2, bytes[0] == UInt8(ascii: "0"), bytes[1] == UInt8(ascii: "o") || bytes[1] == UInt8(ascii: "x") {
            let radix = bytes[1] == UInt8(ascii: "o") ? 8 : 16
            var value = 0
            var overflowed = false
            var approximate = 0.0
            for byte in bytes[2...] {
                guard let digit = digitValue(byte), digit < radix else { return nil }
                approximate = approximate * Double(radix) + Double(digit)
                if !overflowed {
                    let (shifted, overflow1) = value.multipliedReportingOverflow(by: radix)
                    let (sum, overflow2) = shifted.addingReportingOverflow(digit)
                    overflowed = overflow1 || overflow2
                    value = sum
                }
            }
            return overflowed ? .number(approximate) : .integer(value)
        }
        var index = 0
        let negative = bytes[0] == UInt8(ascii: "-")
        if negative || bytes[0] == UInt8(ascii: "+") { index = 1 }
        guard index < count else { return nil }
        var value = 0
        var overflowed = false
        while index < count {
            let digit = Int(bytes[index]) &- 48
            guard digit >= 0, digit <= 9 else { return nil }
            if !overflowed {
                let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
                overflowed = overflow1 || overflow2
                value = sum
            }
            index += 1
        }
        if overflowed {
            // Decimal digits with an optional sign: a valid `Double` literal.
            return Double(string(bytes)).map { .number($0) }
        }
        return .integer(value)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN)`.
    static func float(_ bytes: UnsafeBufferPointer<UInt8>) -> DocumentNode.Value? {
        let count = bytes.count
        var index = 0
        var sign = 1.0
        if count > 0, bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            sign = bytes[0] == UInt8(ascii: "-") ? -1 : 1
            index = 1
        }
        let rest = UnsafeBufferPointer(rebasing: bytes[index...])
        if rest.count == 4, rest[0] == UInt8(ascii: ".") {
            let word = UnsafeBufferPointer(rebasing: rest[1...])
            if matches(word, "inf", "Inf", "INF") { return .number(sign * .infinity) }
            if index == 0, matches(word, "nan", "NaN", "NAN") { return .number(.nan) }
        }
        let integerDigits = digitRun(bytes, from: &index)
        var fractionDigits = 0
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            fractionDigits = digitRun(bytes, from: &index)
        }
        // `1.` is a float; `.` alone or `.e5` is not, and `.5` needs its fraction digits.
        guard integerDigits > 0 || fractionDigits > 0 else { return nil }
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            guard digitRun(bytes, from: &index) > 0 else { return nil }
        }
        guard index == count else { return nil }
        return Double(string(bytes)).map { .number($0) }
    }

    private static func digitRun(_ bytes: UnsafeBufferPointer<UInt8>, from index: inout Int) -> Int {
        let start = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        return index - start
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(byte - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }

    /// Whether `bytes` equal one of the ASCII spellings.
    private static func matches(
        _ bytes: UnsafeBufferPointer<UInt8>, _ first: StaticString, _ second: StaticString, _ third: StaticString
    ) -> Bool {
        matches(bytes, first) || matches(bytes, second) || matches(bytes, third)
    }

    @inline(__always)
    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ spelling: StaticString) -> Bool {
        guard spelling.utf8CodeUnitCount == bytes.count else { return false }
        for index in 0..<bytes.count where spelling.utf8Start[index] != bytes[index] { return false }
        return true
    }
}
