import Testing
import TextAnalysis

@Suite("PhraseSet")
struct PhraseSetTests {
    static let lexicon = [
        "drive results", "work with stakeholders", "as needed", "single shift", "dissolved oxygen",
        "21 CFR", "other duties as assigned", "work",
    ]

    private func found(_ set: PhraseSet, _ text: String) -> [String] {
        let tokens = Tokenizer.tokenize(text)
        return set.matches(in: tokens).map { set.phrases[$0.phraseIndex] }
    }

    @Test func matchesOnStemsCaseInsensitively() {
        let set = PhraseSet(Self.lexicon)
        #expect(found(set, "Works with Stakeholders to DRIVE RESULTS") == ["work with stakeholders", "drive results"])
        #expect(found(set, "Checks Dissolved-Oxygen per 21 CFR Part 11") == ["dissolved oxygen", "21 CFR"])
        #expect(found(set, "Driving results, as needed.") == ["drive results", "as needed"])
    }

    @Test func stopwordsInsidePhrasesMustMatch() {
        let set = PhraseSet(["work with stakeholders"])
        #expect(set.contains(in: Tokenizer.tokenize("working with stakeholders")))
        #expect(!set.contains(in: Tokenizer.tokenize("work stakeholders")))
        #expect(!set.contains(in: Tokenizer.tokenize("work closely with stakeholders")))
    }

    @Test func leftmostLongestAndNonOverlapping() {
        let set = PhraseSet(["quality", "quality control", "control plan", "quality control plan review"])
        let tokens = Tokenizer.tokenize("quality control plan and control plan")
        // "quality control plan review" is not complete, so the longest complete phrase at 0 wins.
        #expect(set.matches(in: tokens) == [
            PhraseMatch(phraseIndex: 1, tokenRange: 0..<2),
            PhraseMatch(phraseIndex: 2, tokenRange: 4..<6),
        ])
        let longer = Tokenizer.tokenize("quality control plan review")
        #expect(set.matches(in: longer) == [PhraseMatch(phraseIndex: 3, tokenRange: 0..<4)])
    }

    @Test func overlappingCandidatesAreResolvedLeftToRight() {
        let set = PhraseSet(["a b", "b c"])
        #expect(set.matches(in: Tokenizer.tokenize("x a b c")) == [PhraseMatch(phraseIndex: 0, tokenRange: 1..<3)])
        #expect(set.matches(in: Tokenizer.tokenize("b c a b")).map(\.phraseIndex) == [1, 0])
    }

    @Test func repeatedPhrasesAreAllFound() {
        let set = PhraseSet(["as needed"])
        #expect(set.matches(in: Tokenizer.tokenize("as needed, and again as needed")).count == 2)
    }

    @Test func emptyInputsAndEmptyPhrases() {
        let set = PhraseSet(["", "  ", "—", "batch record"])
        #expect(set.phrases.count == 4)
        #expect(!set.isEmpty)
        #expect(set.matches(in: []).isEmpty)
        #expect(!set.contains(in: []))
        #expect(set.matches(in: "reviews batch records").map(\.phraseIndex) == [3])
        let none = PhraseSet([])
        #expect(none.isEmpty)
        #expect(none.matches(in: Tokenizer.tokenize("anything")).isEmpty)
        #expect(PhraseSet(["", "!!"]).isEmpty)
    }

    @Test func phraseLongerThanTheText() {
        let set = PhraseSet(["other duties as assigned"])
        #expect(set.maxPhraseTokenCount == 4)
        #expect(set.matches(in: Tokenizer.tokenize("other duties")).isEmpty)
        #expect(set.matches(in: Tokenizer.tokenize("Other duties as assigned.")).count == 1)
    }

    @Test func duplicatePhrasesKeepTheFirstIndex() {
        let set = PhraseSet(["drive results", "Driving Results", "drive results"])
        #expect(set.matches(in: "drives results").map(\.phraseIndex) == [0])
    }

    @Test func matchReportsItsTextRange() {
        let text = "Maintains dissolved   oxygen limits"
        let tokens = Tokenizer.tokenize(text)
        let match = PhraseSet(["dissolved oxygen"]).matches(in: tokens)[0]
        #expect(String(text[match.textRange(in: tokens)]) == "dissolved   oxygen")
    }

    @Test func containsAgreesWithMatches() {
        let set = PhraseSet(Self.lexicon)
        for text in ["", "nothing here", "as needed", "the other duties as assigned", "drive", "results drive"] {
            let tokens = Tokenizer.tokenize(text)
            #expect(set.contains(in: tokens) == !set.matches(in: tokens).isEmpty, "\(text)")
        }
        #expect(set.matchedPhraseIndices(in: Tokenizer.tokenize("work as needed; work")) == [2, 7])
    }

    @Test func aThousandPhrases() {
        let phrases = (0..<1_000).map { "skill\($0) area\($0 % 10) level" }
        let set = PhraseSet(phrases)
        #expect(set.phrases.count == 1_000)
        let text = (0..<1_000).filter { $0 % 7 == 0 }.map { "uses skill\($0) area\($0 % 10) level daily" }.joined(separator: "; ")
        let matches = set.matches(in: Tokenizer.tokenize(text))
        #expect(matches.map(\.phraseIndex) == Array(stride(from: 0, to: 1_000, by: 7)))
        #expect(matches.allSatisfy { $0.tokenRange.count == 3 })
        #expect(!set.contains(in: Tokenizer.tokenize("skill5 area6 level")))
    }
}
