/// The token-level reader behind ``NumberExtraction/experienceRanges(in:)``.
struct YearPhraseReader {
    let tokens: [Token]
    let text: String

    static let yearWords: Set<String> = ["year", "years", "yr", "yrs"]
    static let maximumYears = 70
    static let units: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9,
    ]
    static let spelled: [String: Int] = units.merging([
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50,
    ]) { first, _ in first }
    static let openPrefixes: [[String]] = [
        ["at", "least"], ["minimum", "of"], ["minimum"], ["min"], ["over"], ["more", "than"],
        ["in", "excess", "of"], ["greater", "than"], ["upwards", "of"],
    ]
    static let openSuffixes: [[String]] = [["or", "more"], ["or", "longer"], ["or", "greater"], ["plus"], ["minimum"]]

    /// The byte lengths and first bytes of the year words, worked out from `yearWords`: a token
    /// outside them is ruled out on its bytes, before the set is hashed (this runs on every token
    /// of every text).
    private static let yearWordLengths = yearWords.map(\.utf8.count).min()!...yearWords.map(\.utf8.count).max()!
    private static let yearWordFirstBytes = Set(yearWords.compactMap(\.utf8.first)).sorted()

    @inline(__always)
    private static func isYearWord(_ word: String) -> Bool {
        let bytes = word.utf8
        guard yearWordLengths.contains(bytes.count), let first = bytes.first, yearWordFirstBytes.contains(first) else { return false }
        return yearWords.contains(word)
    }

    enum Gap: Equatable { case whitespace, dash, plus, slash, parenthesis, other }

    func read() -> [YearRange] {
        var found: [YearRange] = []
        for k in tokens.indices where Self.isYearWord(tokens[k].normalized) {
            if let range = phrase(endingWithYearWordAt: k) { found.append(range) }
        }
        return found
    }

    private func phrase(endingWithYearWordAt k: Int) -> YearRange? {
        guard k >= 1 else { return nil }
        if k + 1 < tokens.count, tokens[k + 1].normalized == "ago" { return nil }
        var openEnded = false
        var b = k - 1
        if b >= 1, words(["or", "more"], endingAt: b) {
            openEnded = true
            b -= 2
        } else if tokens[b].normalized == "plus" {
            openEnded = true
            b -= 1
        }
        guard b >= 0 else { return nil }
        switch gap(after: b) {
        case .plus: openEnded = true
        case .whitespace, .dash, .parenthesis: break
        case .slash, .other: return nil
        }
        guard let upper = number(endingAt: b) else { return nil }
        if upper.first >= 1, tokens[upper.first - 1].isNumber, gap(after: upper.first - 1) == .slash { return nil }

        var lower = upper
        if upper.first >= 1 {
            let p = upper.first - 1
            if gap(after: p) == .dash, let value = number(endingAt: p) {
                lower = value
            } else if ["to", "through", "thru"].contains(tokens[p].normalized), p >= 1,
                      gap(after: p - 1) == .whitespace, gap(after: p) == .whitespace,
                      let value = number(endingAt: p - 1) {
                lower = value
            } else if tokens[p].normalized == "and", p >= 1, let value = number(endingAt: p - 1),
                      value.first >= 1, tokens[value.first - 1].normalized == "between" {
                lower = (value.value, value.first - 1)
            }
        }
        guard lower.value <= upper.value, upper.value <= Self.maximumYears else { return nil }

        var first = lower.first
        for prefix in Self.openPrefixes where first >= prefix.count && words(prefix, endingAt: first - 1) {
            openEnded = true
            first -= prefix.count
            break
        }
        var last = k
        for suffix in Self.openSuffixes where k + suffix.count < tokens.count && words(suffix, endingAt: k + suffix.count) {
            openEnded = true
            last = k + suffix.count
            break
        }
        if last == k, gap(after: k) == .plus { openEnded = true }
        return YearRange(
            years: lower.value...upper.value,
            isOpenEnded: openEnded,
            range: tokens[first].range.lowerBound..<tokens[last].range.upperBound
        )
    }

    /// An integer ending at token `index`: digits, a spelled-out number, or "twenty-five".
    private func number(endingAt index: Int) -> (value: Int, first: Int)? {
        let token = tokens[index]
        if token.isNumber {
            guard let value = NumberExtraction.value(of: token), value >= 0, value <= 1_000,
                  value == value.rounded() else { return nil }
            return (Int(value), index)
        }
        guard let value = Self.spelled[token.normalized] else { return nil }
        if let unit = Self.units[token.normalized], index >= 1,
           let tens = Self.spelled[tokens[index - 1].normalized], tens >= 20, tens % 10 == 0,
           [.dash, .whitespace].contains(gap(after: index - 1)) {
            return (tens + unit, index - 1)
        }
        return (value, index)
    }

    private func words(_ expected: [String], endingAt end: Int) -> Bool {
        let start = end - expected.count + 1
        guard start >= 0, end < tokens.count else { return false }
        for (offset, word) in expected.enumerated() where tokens[start + offset].normalized != word {
            return false
        }
        return true
    }

    /// What separates token `index` from the next token (or from the end of the text).
    private func gap(after index: Int) -> Gap {
        let from = tokens[index].range.upperBound
        let to = index + 1 < tokens.count ? tokens[index + 1].range.lowerBound : text.endIndex
        var kind = Gap.whitespace
        var marks = 0
        for scalar in text.unicodeScalars[from..<to] {
            if scalar.properties.isWhitespace { continue }
            marks += 1
            let this: Gap
            switch scalar.value {
            case 0x2B: this = .plus
            case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212: this = .dash
            case 0x2F: this = .slash
            case 0x28, 0x29: this = .parenthesis
            default: return .other
            }
            if marks == 1 {
                kind = this
            } else if kind != this || kind == .dash || kind == .slash {
                // "5+-year" reads as plus; anything else mixed is not a number phrase.
                if kind == .plus && this == .dash { continue }
                if kind == .parenthesis && this == .parenthesis { continue }
                return .other
            }
        }
        return kind
    }
}
