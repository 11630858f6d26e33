// The text level of `YAMLSubsetReader`: lines, comments, spaces, keys, the characters it leaves to
// libyaml, and positions.

extension YAMLSubsetReader {
    // MARK: - Lines

    /// The indentation of the next line with content, skipping blank and comment lines, with
    /// `position` at its first character; nil at the end of the input. Called at the start of a line,
    /// or where an earlier call stopped (a collection that ended there hands the line to its parent).
    mutating func nextContentLine() throws(Unsupported) -> Int? {
        if position >= count { return nil }
        if position != lines.lineStart { return position - lines.lineStart }
        while position < count {
            let spaces = skipSpaces()
            guard position < count else { return nil }
            switch base[position] {
            case 0x0A:
                newline()
            case UInt8(ascii: "#"):
                try skipComment()
            default:
                return spaces
            }
        }
        return nil
    }

    /// The rest of a line after a value: spaces, an optional comment after a space (or right at
    /// `position` when `afterSpace`: the spaces were skipped already), the line break.
    mutating func finishLine(afterSpace: Bool = false) throws(Unsupported) {
        let spaces = skipSpaces()
        guard position < count else { return }
        if base[position] == UInt8(ascii: "#"), spaces > 0 || afterSpace {
            try skipComment()
            return
        }
        guard base[position] == 0x0A else { throw Unsupported() }
        newline()
    }

    /// From a `#` to the start of the next line (or the end of the input).
    mutating func skipComment() throws(Unsupported) {
        while position < count, base[position] != 0x0A {
            if isUnsupportedCharacter(at: position) { throw Unsupported() }
            position += 1
        }
        if position < count { newline() }
    }

    @inline(__always)
    mutating func skipSpaces() -> Int {
        let start = position
        while position < count, base[position] == 0x20 { position += 1 }
        return position - start
    }

    /// Steps over the line break at `position`.
    @inline(__always)
    mutating func newline() {
        position += 1
        lines.startLine(at: position)
    }

    // MARK: - Characters

    /// The length of a subset key at `offset` (up to, not including, its `:`), when a `:` and then a
    /// space or the line's end follow it.
    func keyLength(at offset: Int) -> Int? {
        var index = offset
        while index < count {
            let byte = base[index]
            let isLetterOrDigit = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
                || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") || byte == UInt8(ascii: "_")
            if isLetterOrDigit || (index > offset && (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "."))) {
                index += 1
                continue
            }
            guard byte == UInt8(ascii: ":"), index > offset, index - offset <= Self.maximumKeyLength else { return nil }
            let next = index + 1
            guard next == count || base[next] == 0x20 || base[next] == 0x0A else { return nil }
            return index - offset
        }
        return nil
    }

    /// Whether a `-` at `offset` starts a block sequence entry (`- ` or `-` at the line's end).
    func startsSequenceEntry(at offset: Int) -> Bool {
        guard offset < count, base[offset] == UInt8(ascii: "-") else { return false }
        return offset + 1 == count || base[offset + 1] == 0x20 || base[offset + 1] == 0x0A
    }

    /// Characters a plain scalar may not start with (YAML's indicators, as libyaml checks them).
    static func startsIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
             UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
             UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"),
             0x20, 0x0A:
            return true
        default:
            return false
        }
    }

    static func isFlowIndicator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "{")
            || byte == UInt8(ascii: "}")
    }

    /// Whether the character at `offset` (not a line feed) is one the subset leaves to libyaml:
    /// controls (tab and carriage return included), DEL, C1 controls and NEL, LS, PS, U+FEFF,
    /// U+FFFE and U+FFFF. The input is valid UTF-8, so a lead byte's continuation bytes exist.
    @inline(__always)
    func isUnsupportedCharacter(at offset: Int) -> Bool {
        let byte = base[offset]
        if byte >= 0x20 && byte < 0x7F { return false }
        if byte < 0x80 { return true }
        switch byte {
        case 0xC2:
            return base[offset + 1] < 0xA0
        case 0xE2:
            return base[offset + 1] == 0x80 && (base[offset + 2] == 0xA8 || base[offset + 2] == 0xA9)
        case 0xEF:
            return (base[offset + 1] == 0xBB && base[offset + 2] == 0xBF) || (base[offset + 1] == 0xBF && base[offset + 2] >= 0xBE)
        default:
            return false
        }
    }

    // MARK: - Positions

    /// The 1-based location of `offset` on the current line (see `LineCursor`).
    @inline(__always)
    mutating func location(of offset: Int) -> SourceLocation {
        lines.location(of: offset, in: UnsafeBufferPointer(start: base, count: count))
    }
}
