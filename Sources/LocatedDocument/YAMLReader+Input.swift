// Checks on the raw bytes before libyaml sees them, and byte ↔ location mapping for error reports.

extension YAMLReader {
    /// The bytes libyaml should parse: `whole` without a UTF-8 byte order mark, after checking that
    /// it is UTF-8 at all. Throws `invalid_utf8` for UTF-16/32 text and for malformed UTF-8.
    static func checkedUTF8Input(_ whole: UnsafeBufferPointer<UInt8>) throws(DocumentParseError) -> UnsafeBufferPointer<UInt8> {
        if let encoding = otherUnicodeEncoding(whole) {
            throw DocumentParseError(
                code: "invalid_utf8",
                message: "file looks like \(encoding) text; expected UTF-8",
                location: .startOfFile,
                hint: "save the file as UTF-8"
            )
        }
        var input = whole
        if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF {
            input = UnsafeBufferPointer(rebasing: input[3...])
        }
        if let bad = firstInvalidUTF8Offset(input) {
            throw DocumentParseError(
                code: "invalid_utf8",
                message: "byte 0x\(hex(UInt32(input[bad]), width: 2)) at offset \(bad + (whole.count - input.count)) "
                    + "is not part of a valid UTF-8 sequence; expected UTF-8 text",
                location: location(ofByte: bad, in: input),
                hint: "save the file as UTF-8"
            )
        }
        return input
    }

    /// Detects UTF-16 and UTF-32 by byte order mark, or by the NUL bytes an ASCII first character
    /// leaves in them (the detection YAML 1.2 §5.2 describes).
    static func otherUnicodeEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let count = bytes.count
        if count >= 4, bytes[0] == 0, bytes[1] == 0, bytes[2] == 0xFE, bytes[3] == 0xFF { return "UTF-32 (big-endian)" }
        if count >= 4, bytes[0] == 0xFF, bytes[1] == 0xFE, bytes[2] == 0, bytes[3] == 0 { return "UTF-32 (little-endian)" }
        if count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return "UTF-16 (big-endian)" }
        if count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return "UTF-16 (little-endian)" }
        if count >= 2, bytes[0] == 0 || bytes[1] == 0 { return "UTF-16 or UTF-32" }
        return nil
    }

    /// The offset of the first byte that does not start a well-formed UTF-8 sequence (overlong
    /// forms, surrogates and code points above U+10FFFF are malformed), or nil when all is valid.
    static func firstInvalidUTF8Offset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var index = 0
        while index < count {
            // Fast path: eight ASCII bytes at a time.
            if index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            guard let length = UTF8Validation.sequenceLength(in: bytes, at: index) else { return index }
            index += length
        }
        return nil
    }

    /// The 1-based location of byte `offset`, counting lines and columns the way libyaml does:
    /// columns in code points; line breaks are LF, CR, CRLF, NEL, LS and PS.
    static func location(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        var line = 1
        var column = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            switch byte {
            case 0x0A:
                line += 1; column = 1; index += 1
            case 0x0D:
                line += 1; column = 1
                index += (index + 1 < bytes.count && bytes[index + 1] == 0x0A) ? 2 : 1
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85:
                line += 1; column = 1; index += 2
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                line += 1; column = 1; index += 3
            default:
                if byte & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
        }
        return SourceLocation(line: line, column: column)
    }

    /// The byte offset of the `index`-th character (0-based, as libyaml's `mark.index` counts them)
    /// in valid UTF-8 `bytes`; nil when the text is shorter.
    static func byteOffset(ofCharacter index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var characters = 0
        for offset in bytes.indices where bytes[offset] & 0xC0 != 0x80 {
            if characters == index { return offset }
            characters += 1
        }
        return nil
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
