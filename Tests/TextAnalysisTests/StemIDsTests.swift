import Testing
@testable import TextAnalysis

/// Stem ids stand in for stems in term sets and phrase sets: they must be equal exactly when the
/// stems are equal strings, from any thread.
@Suite("Stem ids")
struct StemIDsTests {
    @Test func equalStemsShareAnIdAndOthersDoNot() {
        let ids = StemIDs.shared
        #expect(ids.id(of: "naïve") == ids.id(of: "nai\u{0308}ve"), "canonically equivalent strings are one stem")
        #expect(ids.id(of: "batch") == ids.id(of: "batch"))
        #expect(ids.id(of: "batch") != ids.id(of: "batches"))
        #expect(ids.id(of: "") != ids.id(of: " "))
        #expect(ids.stems([ids.id(of: "bioreactor")]) == ["bioreactor"])
        #expect(ids.existingID(of: "a stem no test ever interned \(#line)") == nil)
    }

    @Test func tokensCarryTheirStemsIds() {
        for token in Tokenizer.tokenize("Supervises the SUPERVISING supervisor's 1,000 naïve nai\u{0308}ve batches") {
            #expect(token.stemID == StemIDs.shared.id(of: token.stem), "\(token.stem)")
        }
    }

    /// Many tasks interning overlapping stems at once agree on every id.
    @Test func concurrentInterningAgrees() async {
        let words = (0..<2_000).map { "concurrent-stem-\($0 % 500)" }
        let results = await withTaskGroup(of: [String: UInt32].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var seen: [String: UInt32] = [:]
                    for word in words.shuffled() { seen[word] = StemIDs.shared.id(of: word) }
                    return seen
                }
            }
            var all: [[String: UInt32]] = []
            for await result in group { all.append(result) }
            return all
        }
        for result in results.dropFirst() { #expect(result == results[0]) }
        #expect(Set(results[0].values).count == 500)
    }
}
