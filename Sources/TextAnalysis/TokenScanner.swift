/// The tokenizer's scan (see ``Tokenizer``) on a string's UTF-8 bytes: the same rules as
/// ``Tokenizer/scan(_:_:)`` over Unicode scalars, decoded by hand, with no `String.Index`
/// arithmetic in the loop. Token bounds are byte offsets at scalar boundaries.
extension Tokenizer {
    struct ByteToken {
        var start: Int
        var end: Int
        var isNumber: Bool
        var hasTypographicApostrophe: Bool
        /// Every byte of the token is ASCII, so it can be lowercased byte by byte.
        var isASCII: Bool
    }

    /// Decodes the scalar starting at `offset` of valid UTF-8 (a Swift string's storage).
    @inline(__always)
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[offset]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let value: UInt32
        let length: Int
        if lead < 0xE0 {
            value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F)
            length = 2
        } else if lead < 0xF0 {
            value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
            length = 3
        } else {
            value = UInt32(lead & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12
                | UInt32(bytes[offset + 2] & 0x3F) << 6 | UInt32(bytes[offset + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    @inline(__always)
    fileprivate static func scalarClass(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> ScalarClass {
        ScalarClass(scalar(bytes, at: offset).0)
    }

    /// The tokens of UTF-8 `bytes` one at a time: an iterator rather than a callback, so the
    /// tokenizer's loop and the scan compile into one function (a callback per token cost its call
    /// and register saves, ~40 instructions a token, measured with callgrind).
    struct ByteTokenScanner {
        let bytes: UnsafeBufferPointer<UInt8>
        private var i = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        @inline(__always)
        mutating func next() -> ByteToken? {
            let end = bytes.count
            while i < end {
                let (first, firstLength) = Tokenizer.scalar(bytes, at: i)
                let firstClass = ScalarClass(first)
                guard firstClass.isWordStart else {
                    i += firstLength
                    continue
                }
                let start = i
                var isNumber = firstClass == .digit
                var isASCII = first.value < 0x80
                var hasTypographicApostrophe = false
                var seenDecimalPoint = false
                var previous = firstClass
                var j = i + firstLength
                scanning: while j < end {
                    // ASCII letters and digits, most of every word, without decoding a scalar.
                    let byte = bytes[j]
                    if byte &- 0x61 < 26 || byte &- 0x41 < 26 {
                        isNumber = false
                        previous = .letter
                        j += 1
                        continue
                    }
                    if byte &- 0x30 < 10 {
                        previous = .digit
                        j += 1
                        continue
                    }
                    let (scalar, length) = Tokenizer.scalar(bytes, at: j)
                    let kind = ScalarClass(scalar)
                    switch kind {
                    case .letter, .digit:
                        if kind == .letter { isNumber = false }
                        if scalar.value >= 0x80 { isASCII = false }
                        previous = kind
                        j += length
                    case .mark:
                        isNumber = false
                        isASCII = false
                        j += length
                    case .emojiModifier:
                        break scanning
                    case .separator:
                        let next = j + length
                        if isNumber && previous == .digit && !seenDecimalPoint {
                            if scalar == "." && next < end && Tokenizer.scalarClass(bytes, at: next) == .digit {
                                seenDecimalPoint = true
                                j = next
                                continue scanning
                            }
                            if scalar == "," && Tokenizer.threeDigitsFollow(bytes, next) {
                                j = next
                                continue scanning
                            }
                        }
                        if scalar.isApostrophe && previous == .letter && next < end && Tokenizer.scalarClass(bytes, at: next) == .letter {
                            if scalar.value == 0x2019 {
                                hasTypographicApostrophe = true
                                isASCII = false
                            }
                            j = next
                            continue scanning
                        }
                        break scanning
                    }
                }
                i = j
                let gluedToEmoji = j < end && Tokenizer.scalarClass(bytes, at: j) == .emojiModifier
                if !gluedToEmoji {
                    return ByteToken(start: start, end: j, isNumber: isNumber, hasTypographicApostrophe: hasTypographicApostrophe,
                                     isASCII: isASCII)
                }
            }
            return nil
        }
    }

    /// Exactly three decimal digits start at `offset` and no fourth digit follows them.
    fileprivate static func threeDigitsFollow(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
        var offset = offset
        for _ in 0..<3 {
            guard offset < bytes.count else { return false }
            let (scalar, length) = scalar(bytes, at: offset)
            guard ScalarClass(scalar) == .digit else { return false }
            offset += length
        }
        return offset == bytes.count || scalarClass(bytes, at: offset) != .digit
    }
}
