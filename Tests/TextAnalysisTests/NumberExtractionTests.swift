import Testing
@testable import TextAnalysis

@Suite("NumberExtraction")
struct NumberExtractionTests {
    @Test func numbers() {
        #expect(NumberExtraction.numbers(in: "pH 7.2, 99.5% yield, 1,000 L, 24/7, 5–7 years, 2026") == [7.2, 99.5, 1000, 24, 7, 5, 7, 2026])
        #expect(NumberExtraction.numbers(in: "no numbers, CO2 and ISO7").isEmpty)
        #expect(NumberExtraction.numbers(in: "").isEmpty)
        #expect(NumberExtraction.numbers(in: "٣ and 0.125") == [3, 0.125])
        let token = Tokenizer.tokenize("1,250.75")[0]
        #expect(NumberExtraction.value(of: token) == 1250.75)
        #expect(NumberExtraction.value(of: Tokenizer.tokenize("batch")[0]) == nil)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var ranges: [ClosedRange<Int>]
        var openEnded: [Bool]
        var testDescription: String { text }
        init(_ text: String, _ ranges: [ClosedRange<Int>], open: [Bool]? = nil) {
            self.text = text
            self.ranges = ranges
            self.openEnded = open ?? ranges.map { _ in false }
        }
    }

    static let cases: [Case] = [
        .init("3 to 6 years of experience", [3...6]),
        .init("5–7+ years in GMP manufacturing", [5...7], open: [true]),
        .init("2-5 years", [2...5]),
        .init("2 - 5 yrs", [2...5]),
        .init("at least 8 years", [8...8], open: [true]),
        .init("10+ years leading teams", [10...10], open: [true]),
        .init("eight years", [8...8]),
        .init("Eight (8) years of experience", [8...8]),
        .init("three to five years", [3...5]),
        .init("twenty-five years", [25...25]),
        .init("between 4 and 6 years", [4...6]),
        .init("minimum of 3 years", [3...3], open: [true]),
        .init("5 or more years", [5...5], open: [true]),
        .init("5 years or more", [5...5], open: [true]),
        .init("a 3-year degree plus 2 years on the floor", [3...3, 2...2]),
        .init("1 year", [1...1]),
        .init("0-2 years", [0...2]),
        .init("Supports the line 24/7 since 2026 per 21 CFR 211", []),
        .init("in 2026, 3 years", [3...3]),
        .init("$50,000 per year", []),
        .init("1.5 years", []),
        .init("7-5 years", []),
        .init("2026 years", []),
        .init("3 years ago", []),
        .init("several years", []),
        .init("24/7 years", []),
        .init("over 10 years; 2 to 4 yrs in QA", [10...10, 2...4], open: [true, false]),
    ]

    @Test("year ranges", arguments: cases)
    func yearRanges(_ c: Case) {
        #expect(NumberExtraction.yearRanges(in: c.text) == c.ranges)
        #expect(NumberExtraction.experienceRanges(in: c.text).map(\.isOpenEnded) == c.openEnded)
    }

    @Test func phraseRangeCoversThePhrase() {
        let text = "Needs at least 8 years, ideally 5–7+ yrs or more."
        let found = NumberExtraction.experienceRanges(in: text)
        #expect(found.map { String(text[$0.range]) } == ["at least 8 years", "5–7+ yrs or more"])
        let tokens = Tokenizer.tokenize(text)
        #expect(NumberExtraction.experienceRanges(in: tokens, of: text) == found)
    }

    /// The reader rules tokens out on their bytes before it looks them up among the year words:
    /// a phrase ending in any year word, in any case, is still read.
    @Test func everyYearWordEndsAPhrase() {
        for word in YearPhraseReader.yearWords {
            for spelling in [word, word.uppercased()] {
                let text = "at least 3 \(spelling) of experience"
                #expect(NumberExtraction.experienceRanges(in: Tokenizer.tokenize(text), of: text).count == 1, "\(text)")
            }
        }
    }
}
