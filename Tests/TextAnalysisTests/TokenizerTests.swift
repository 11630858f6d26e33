import Testing
import TextAnalysis

@Suite("Tokenizer")
struct TokenizerTests {
    private func words(_ text: String) -> [String] {
        Tokenizer.tokenize(text).map(\.normalized)
    }

    @Test func splitsWordsAndLowercases() {
        let text = "Supervises gowning and aseptic manipulations in the ISO 7 cleanroom"
        #expect(words(text) == ["supervises", "gowning", "and", "aseptic", "manipulations", "in", "the", "iso", "7", "cleanroom"])
    }

    @Test func rangesPointIntoTheOriginalText() {
        let text = "  Checks pH, dissolved O2!"
        let tokens = Tokenizer.tokenize(text)
        #expect(tokens.map { String(text[$0.range]) } == ["Checks", "pH", "dissolved", "O2"])
        #expect(tokens[1].normalized == "ph")
    }

    @Test func keepsDecimalAndThousandsSeparatorsInsideNumbers() {
        let tokens = Tokenizer.tokenize("99.5% of 1,000 units, 1,000,000 doses, 3,4 and 2026.")
        #expect(tokens.map(\.normalized) == ["99.5", "of", "1,000", "units", "1,000,000", "doses", "3", "4", "and", "2026"])
        #expect(tokens.filter(\.isNumber).map(\.normalized) == ["99.5", "1,000", "1,000,000", "3", "4", "2026"])
        #expect(tokens.first { $0.isNumber }?.stem == "99.5")
    }

    @Test func aSecondDecimalPointOrATrailingDotEndsTheNumber() {
        #expect(words("1.2.3") == ["1.2", "3"])
        #expect(words("version 12. Next") == ["version", "12", "next"])
        #expect(words("1,00") == ["1", "00"])
        #expect(words("1,0000") == ["1", "0000"])
    }

    @Test func hyphensDashesAndSlashesSplit() {
        #expect(words("single-use CAPA/change 5–7 years") == ["single", "use", "capa", "change", "5", "7", "years"])
        #expect(words("24/7") == ["24", "7"])
        #expect(words("S.U.B.") == ["s", "u", "b"])
    }

    @Test func mixedLettersAndDigitsAreOneNonNumberToken() {
        let tokens = Tokenizer.tokenize("CO2 and ISO7")
        #expect(tokens.map(\.normalized) == ["co2", "and", "iso7"])
        #expect(tokens.map(\.isNumber) == [false, false, false])
    }

    @Test func keepsInternalApostrophes() {
        let tokens = Tokenizer.tokenize("An associate’s degree, the employees' 'quoted' words")
        #expect(tokens.map(\.normalized) == ["an", "associate's", "degree", "the", "employees", "quoted", "words"])
        #expect(tokens[1].stem == Stemmer.stem("associate"))
        #expect(String("An associate’s"[tokens[1].range]) == "associate’s")
    }

    @Test func unicodeLettersAndCombiningMarks() {
        #expect(words("Naïve café Ünïcode") == ["naïve", "café", "ünïcode"])
        let decomposed = "nai\u{0308}ve"
        let tokens = Tokenizer.tokenize("a \(decomposed) b")
        #expect(tokens.count == 3)
        #expect(tokens[1].normalized == "naïve")  // canonically equivalent
        #expect(words("Größe 東京 résumé") == ["größe", "東京", "résumé"])
    }

    @Test func emojiAreIgnored() {
        #expect(words("Great 👍 job 🎉🎉 team👩‍🔬lead") == ["great", "job", "team", "lead"])
        #expect(words("Step 1️⃣ done 🇬🇧") == ["step", "done"])
    }

    @Test func emptyAndSeparatorOnlyInput() {
        #expect(Tokenizer.tokenize("").isEmpty)
        #expect(Tokenizer.tokenize("  — / , . ! \n\t").isEmpty)
    }

    @Test func nonASCIIDigitsAreNumbers() {
        let tokens = Tokenizer.tokenize("٣ years")
        #expect(tokens.first?.isNumber == true)
    }

    @Test func flagsStopwordsAndStems() {
        let tokens = Tokenizer.tokenize("Works with the stakeholders")
        #expect(tokens.map(\.isStopword) == [false, true, true, false])
        #expect(tokens.map(\.stem) == ["work", "with", "th", "stakeholder"])
        #expect(tokens.map(\.isContent) == [true, false, false, true])
    }

    @Test func stopwordList() {
        #expect(Stopwords.all.count >= 150)
        for word in ["the", "a", "with", "and", "of", "they", "should", "between", "it's"] {
            #expect(Stopwords.contains(word), "\(word)")
        }
        for word in ["batch", "cleanroom", "supervises", "The"] {
            #expect(!Stopwords.contains(word), "\(word)")
        }
    }

    @Test func longInputProducesEveryToken() {
        let text = String(repeating: "Checks pH and dissolved oxygen; ", count: 2_000)
        let tokens = Tokenizer.tokenize(text)
        #expect(tokens.count == 10_000)
        #expect(tokens.last.map { String(text[$0.range]) } == "oxygen")
    }
}
