/// Strings, numbers and UTF-8 validation for `JSONByteParser`.
extension JSONByteParser {
    // MARK: Strings

    /// Parses a string starting at the opening quote. Escape-free strings are decoded straight from the
    /// buffer; only strings with escapes go through a scratch byte buffer.
    mutating func parseString() throws(DocumentParseError) -> String {
        let openingQuote = position
        position += 1
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            try advanceOverStringByte(byte)
        }
        guard position < bytes.count else { throw unterminatedString(openingQuote) }

        var scratch = [UInt8](UnsafeBufferPointer(rebasing: bytes[start..<position]))
        scratch.reserveCapacity(scratch.count + 16)
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                try parseEscape(into: &scratch)
                continue
            }
            let sequenceStart = position
            try advanceOverStringByte(byte)
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[sequenceStart..<position]))
        }
        throw unterminatedString(openingQuote)
    }

    /// Moves past one unescaped character of a string, rejecting control characters and bad UTF-8.
    private mutating func advanceOverStringByte(_ byte: UInt8) throws(DocumentParseError) {
        if byte < 0x20 {
            let what = byte == 0x0A ? "a line break" : byte == 0x09 ? "a tab" : "control character U+\(hex(UInt32(byte), width: 4))"
            throw error("control_character_in_string", "expected a closing '\"' or more text, found \(what) inside a string",
                        hint: byte == 0x0A ? "strings cannot span lines; write \\n" : "escape it, e.g. \\t or \\u00XX")
        }
        if byte < 0x80 {
            position += 1
            return
        }
        guard let length = utf8SequenceLength(at: position) else {
            throw error("invalid_utf8", "expected UTF-8 text, found invalid byte 0x\(hex(UInt32(byte), width: 2))",
                        hint: "save the file as UTF-8")
        }
        position += length
    }

    private mutating func unterminatedString(_ openingQuote: Int) -> DocumentParseError {
        let start = location(of: openingQuote)
        return error("unterminated_string", "expected a closing '\"' for the string starting at \(start), found end of input")
    }

    private mutating func parseEscape(into scratch: inout [UInt8]) throws(DocumentParseError) {
        let backslash = position
        guard position + 1 < bytes.count else {
            position += 1
            throw error("unexpected_end_of_input", "expected an escape character after '\\', found end of input")
        }
        let escaped = bytes[position + 1]
        position += 2
        switch escaped {
        case UInt8(ascii: "\""): scratch.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): scratch.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): scratch.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            let first = try parseHexQuad(escapeStart: backslash)
            var scalarValue = first
            if (0xD800...0xDBFF).contains(first) {
                // A high surrogate must be followed at once by an escaped low surrogate.
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                    position = backslash
                    throw error("lone_surrogate", "expected a low surrogate \\uDC00-\\uDFFF after \\u\(hex(first, width: 4)), found none",
                                hint: "characters outside the Basic Multilingual Plane need a surrogate pair")
                }
                let secondStart = position
                position += 2
                let second = try parseHexQuad(escapeStart: secondStart)
                guard (0xDC00...0xDFFF).contains(second) else {
                    position = backslash
                    throw error("lone_surrogate", "expected a low surrogate \\uDC00-\\uDFFF after \\u\(hex(first, width: 4)), found \\u\(hex(second, width: 4))")
                }
                scalarValue = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(first) {
                position = backslash
                throw error("lone_surrogate", "expected a high surrogate before \\u\(hex(first, width: 4)), found a lone low surrogate")
            }
            appendUTF8(scalarValue, to: &scratch)
        default:
            position = backslash
            let found = escaped < 0x80 && escaped >= 0x20 ? "'\\\(Character(Unicode.Scalar(escaped)))'" : "byte 0x\(hex(UInt32(escaped), width: 2))"
            throw error("invalid_escape", "expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX, found \(found)",
                        hint: "write a literal backslash as \\\\")
        }
    }

    /// Reads the four hex digits after `\u` (the cursor is just past the `u`).
    private mutating func parseHexQuad(escapeStart: Int) throws(DocumentParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < bytes.count, let digit = hexDigitValue(bytes[position]) else {
                let found = describeCurrent()
                position = escapeStart
                throw error("invalid_escape", "expected four hex digits after \\u, found \(found)")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    private func hexDigitValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private func appendUTF8(_ scalar: UInt32, to scratch: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | (scalar >> 6)))
            scratch.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | (scalar >> 12)))
            scratch.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            scratch.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            scratch.append(UInt8(0xF0 | (scalar >> 18)))
            scratch.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            scratch.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            scratch.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    /// The length of the well-formed UTF-8 sequence starting at `offset`, or nil.
    func utf8SequenceLength(at offset: Int) -> Int? {
        UTF8Validation.sequenceLength(in: bytes, at: offset)
    }

    // MARK: Numbers

    mutating func parseNumber() throws(DocumentParseError) -> DocumentNode.Value {
        let start = position
        let negative = bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else {
            throw error("invalid_number", "expected a digit after '-', found \(describeCurrent())",
                        hint: "JSON has no -Infinity; numbers look like -12 or -1.5")
        }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, isDigit(bytes[position]) {
                position -= 1
                throw error("leading_zero", "expected a number without leading zeros, found '0' followed by digits",
                            hint: "write 7 rather than 07, or quote the value if it is a code")
            }
        } else {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        var isInteger = true
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw error("invalid_number", "expected a digit after the decimal point, found \(describeCurrent())")
            }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            isInteger = false
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw error("invalid_number", "expected a digit in the exponent, found \(describeCurrent())")
            }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if isInteger, let integer = integerValue(start: negative ? start + 1 : start, end: position, negative: negative) {
            return .integer(integer)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let number = Double(text), number.isFinite else {
            position = start
            throw error("number_out_of_range", "expected a number within the range of a 64-bit float, found \(text)")
        }
        return .number(number)
    }

    /// The digits in `start..<end` as an Int, accumulated negatively so Int.min fits; nil on overflow.
    private func integerValue(start: Int, end: Int, negative: Bool) -> Int? {
        var value = 0
        for index in start..<end {
            let digit = Int(bytes[index] - UInt8(ascii: "0"))
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = times10.subtractingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            value = next
        }
        if negative { return value }
        return value == Int.min ? nil : -value
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
