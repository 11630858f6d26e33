import Testing
import TextAnalysis

@Suite("TextSimilarity")
struct TextSimilarityTests {
    @Test func jaccardValues() {
        #expect(TextSimilarity.jaccard(Set<Int>(), Set<Int>()) == 0)
        #expect(TextSimilarity.jaccard(Set([1, 2]), Set<Int>()) == 0)
        #expect(TextSimilarity.jaccard(Set([1, 2, 3]), Set([1, 2, 3])) == 1)
        #expect(TextSimilarity.jaccard(Set([1, 2, 3]), Set([2, 3, 4])) == 0.5)
        #expect(TextSimilarity.jaccard(Set(["a"]), Set(["b"])) == 0)
        #expect(TextSimilarity.jaccard(Set([1, 2]), Set([2, 3, 4, 5])) == 0.2)
    }

    @Test func containmentValues() {
        #expect(TextSimilarity.containment(Set<Int>(), in: Set([1])) == 0)
        #expect(TextSimilarity.containment(Set([1, 2]), in: Set([1, 2, 3, 4])) == 1)
        #expect(TextSimilarity.containment(Set([1, 2, 3, 4]), in: Set([1, 2])) == 0.5)
        #expect(TextSimilarity.containment(Set([1]), in: Set<Int>()) == 0)
    }

    @Test func contentStemsDropStopwordsAndNumbers() {
        let tokens = Tokenizer.tokenize("Supervises the 3 batches and approves batch records")
        #expect(TextSimilarity.contentStems(tokens) == ["supervis", "batch", "approv", "record"])
    }

    @Test func shingles() {
        let tokens = Tokenizer.tokenize("Reviews and approves the batch records")
        #expect(TextSimilarity.shingles(tokens) == ["review approv", "approv batch", "batch record"])
        #expect(TextSimilarity.shingles(tokens, size: 3) == ["review approv batch", "approv batch record"])
        #expect(TextSimilarity.shingles(tokens, size: 1) == ["review", "approv", "batch", "record"])
        #expect(TextSimilarity.shingles(Tokenizer.tokenize("Supervises")) == ["supervis"])
        #expect(TextSimilarity.shingles(Tokenizer.tokenize("and the 12")).isEmpty)
    }

    @Test func nearDuplicateBulletsAcrossLevels() {
        let junior = Tokenizer.tokenize("Supervises gowning and aseptic manipulations in the ISO 7 cleanroom.")
        let senior = Tokenizer.tokenize("Supervised gowning and the aseptic manipulation in ISO 7 cleanrooms")
        let different = Tokenizer.tokenize("Owns the site budget and hiring plan for the quality unit")
        let a = TextSimilarity.contentStems(junior)
        #expect(TextSimilarity.jaccard(a, TextSimilarity.contentStems(senior)) == 1)
        #expect(TextSimilarity.jaccard(TextSimilarity.shingles(junior), TextSimilarity.shingles(senior)) == 1)
        #expect(TextSimilarity.jaccard(a, TextSimilarity.contentStems(different)) == 0)
        #expect(TextSimilarity.contentSimilarity("Approves batch records", "approved the batch record") == 1)
    }
}
