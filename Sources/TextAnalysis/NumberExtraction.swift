/// Numbers in text, and years-of-experience ranges such as "3 to 6 years" or "10+ years".
public enum NumberExtraction {
    /// The value of every number token of `text`, in order: "99.5" → 99.5, "1,000" → 1000,
    /// "5–7" → 5, 7. Digits of any script count; signs are not read ("-3" → 3).
    public static func numbers(in text: String) -> [Double] {
        var values: [Double] = []
        Tokenizer.scan(text) { raw in
            if raw.isNumber, let value = parse(text.unicodeScalars[raw.range]) {
                values.append(value)
            }
        }
        return values
    }

    /// The value of a number token, or nil when the token is not a number.
    public static func value(of token: Token) -> Double? {
        token.isNumber ? parse(token.normalized.unicodeScalars[...]) : nil
    }

    /// The year ranges of experience phrases in `text`; see ``experienceRanges(in:)``.
    public static func yearRanges(in text: String) -> [ClosedRange<Int>] {
        experienceRanges(in: text).map(\.years)
    }

    /// Years-of-experience phrases in `text`, in order.
    ///
    /// Only a number directly tied to "year", "years", "yr" or "yrs" counts:
    /// - "5 years", "3-year", "eight years", "twenty-five years" → a single value;
    /// - "3 to 6 years", "2-5 years", "5–7 years", "between 3 and 5 years" → a range;
    /// - "10+ years", "5–7+ years", "5 or more years", "5 years or more", "at least 8 years",
    ///   "minimum of 3 years", "over 10 years", "more than 4 years" → open-ended (the stated
    ///   numbers form the range; `isOpenEnded` is set).
    /// Ignored: numbers not followed by a year word ("24/7", "2026", "21 CFR", "$50,000 per year"),
    /// fractional values ("1.5 years"), values above 70, reversed ranges, and "3 years ago".
    /// Spelled-out numbers are "one" to "twenty", "thirty", "forty", "fifty" and hyphenated
    /// compounds such as "twenty-five".
    public static func experienceRanges(in text: String) -> [YearRange] {
        experienceRanges(in: Tokenizer.tokenize(text), of: text)
    }

    /// As ``experienceRanges(in:)`` for text that is already tokenised; `tokens` must come from
    /// `text`.
    public static func experienceRanges(in tokens: [Token], of text: String) -> [YearRange] {
        YearPhraseReader(tokens: tokens, text: text).read()
    }

    /// Reads a number from decimal digits with an optional `.` and `,` thousands separators.
    static func parse(_ scalars: Substring.UnicodeScalarView) -> Double? {
        var ascii = ""
        ascii.reserveCapacity(scalars.count)
        for scalar in scalars {
            if scalar == "," { continue }
            if scalar == "." {
                ascii.append(".")
            } else if let digit = scalar.properties.numericValue, digit >= 0, digit <= 9 {
                ascii.unicodeScalars.append(Unicode.Scalar(UInt8(48 + Int(digit))))
            } else {
                return nil
            }
        }
        return Double(ascii)
    }
}

/// A years-of-experience phrase found in text.
public struct YearRange: Sendable, Hashable {
    /// The stated years: "3 to 6 years" → 3...6, "10+ years" → 10...10.
    public var years: ClosedRange<Int>
    /// True for "10+ years", "5–7+ years", "at least 8 years", "5 or more years" and the like.
    public var isOpenEnded: Bool
    /// The phrase in the original text, from its first word ("at", "between", the number) to the
    /// year word or a trailing "or more".
    public var range: Range<String.Index>

    public init(years: ClosedRange<Int>, isOpenEnded: Bool, range: Range<String.Index>) {
        self.years = years
        self.isOpenEnded = isOpenEnded
        self.range = range
    }
}
