/// How the tokenizer sees one Unicode scalar.
enum ScalarClass: Equatable {
    /// A letter (any script), a letter-like number ("Ⅻ") or another number sign ("²").
    case letter
    /// A decimal digit of any script.
    case digit
    /// A combining mark that continues the word it follows (decomposed "naïve").
    case mark
    /// Emoji presentation helpers: variation selectors and the combining enclosing keycap.
    /// A token directly followed by one of these is part of an emoji ("1️⃣") and is dropped.
    case emojiModifier
    /// Everything else: spaces, punctuation, symbols, emoji.
    case separator

    @inline(__always)
    init(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39: self = .digit
            case 0x41...0x5A, 0x61...0x7A: self = .letter
            default: self = .separator
            }
            return
        }
        if (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value) || value == 0x20E3 {
            self = .emojiModifier
            return
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .decimalNumber:
            self = .digit
        case .letterNumber, .otherNumber:
            self = .letter
        case .nonspacingMark, .spacingMark:
            self = .mark
        case .enclosingMark:
            self = .emojiModifier
        default:
            self = properties.isAlphabetic ? .letter : .separator
        }
    }

    var isWordStart: Bool { self == .letter || self == .digit }
}

extension Unicode.Scalar {
    /// ASCII apostrophe or the typographic right single quotation mark.
    @inline(__always)
    var isApostrophe: Bool { value == 0x27 || value == 0x2019 }
}
