import Testing
@testable import TextAnalysis

/// The byte-level fast paths (UTF-8 token scan, ASCII lowercasing, hashed phrase lookup, hashed
/// term sets) must give exactly what the reference paths give, on hostile text too.
@Suite("Fast paths agree with the reference paths")
struct FastPathEquivalenceTests {
    static let texts = [
        "Supervises gowning and aseptic manipulations in the ISO 7 cleanroom",
        "Checks pH, dissolved O2, 1,000 L and 99.5% yield; 3,4 and 1,0000 are not thousands",
        "The associate’s log, don't, the nurses' station, ’quoted’ and 'quoted'",
        "naïve café CAFÉ Straße İstanbul ΣΊΣΥΦΟΣ ǅungla ﬁne",
        "decomposed nai\u{0308}ve and e\u{0301}tude, a\u{0301}, 1\u{FE0F}\u{20E3} keycap 5\u{FE0F} 👍🏽 emoji, 中文 テスト",
        "tabs\tand\r\nCRLF\u{2028}separators\u{0000}nul — dashes – 5–7 S.U.B. CAPA/change single-use",
        "Ⅻ roman ² super ٣ arabic-indic ३ devanagari digits",
        "",
        "   ",
        "A",
    ]

    @Test func byteScanMatchesTheScalarScan() {
        for text in Self.texts {
            var reference: [(Range<String.Index>, Bool, Bool)] = []
            Tokenizer.scan(text) { reference.append(($0.range, $0.isNumber, $0.hasTypographicApostrophe)) }
            let tokens = Tokenizer.tokenize(text)
            #expect(tokens.map(\.range) == reference.map(\.0), "\(text)")
            #expect(tokens.map(\.isNumber) == reference.map(\.1), "\(text)")
            for (token, (range, _, _)) in zip(tokens, reference) {
                #expect(token.normalized == Self.referenceNormalized(text, range), "\(text): \(token.normalized)")
                #expect(token.stem == (token.isNumber ? token.normalized : Stemmer.stem(token.normalized)))
                #expect(token.stemID == StemIDs.shared.id(of: token.stem))
            }
        }
    }

    static func referenceNormalized(_ text: String, _ range: Range<String.Index>) -> String {
        String(String.UnicodeScalarView(text[range].lowercased().unicodeScalars.map { $0.value == 0x2019 ? "'" : $0 }))
    }

    @Test func phraseSetMatchesDictionaryLookups() {
        let phrases = ["batch record", "batch", "record review", "single use", "naïve", "associate's log", "", "the"]
        let set = PhraseSet(phrases)
        for text in Self.texts + ["batch records reviewed; record reviews of single-use bags and the naive NAÏVE associate’s logs"] {
            let tokens = Tokenizer.tokenize(text)
            #expect(set.matches(in: tokens) == Self.referenceMatches(phrases, tokens), "\(text)")
            #expect(set.firstMatch(in: tokens) == set.matches(in: tokens).first, "\(text)")
            #expect(set.contains(in: tokens) == !set.matches(in: tokens).isEmpty, "\(text)")
        }
    }

    /// Leftmost-longest matching by comparing stems directly.
    static func referenceMatches(_ phrases: [String], _ tokens: [Token]) -> [PhraseMatch] {
        let compiled = phrases.map { Tokenizer.tokenize($0).map(\.stem) }
        var result: [PhraseMatch] = []
        var start = 0
        while start < tokens.count {
            var best: (Int, Int)?
            for (index, stems) in compiled.enumerated() where !stems.isEmpty && start + stems.count <= tokens.count {
                guard zip(stems, tokens[start..<start + stems.count]).allSatisfy({ $0 == $1.stem }) else { continue }
                if best == nil || stems.count > best!.1 { best = (index, stems.count) }
            }
            if let (index, length) = best {
                let firstIndex = compiled.firstIndex(of: compiled[index])!
                result.append(PhraseMatch(phraseIndex: firstIndex, tokenRange: start..<start + length))
                start += length
            } else {
                start += 1
            }
        }
        return result
    }

    @Test func hashedTermSetsGiveTheStringSetJaccard() {
        let texts = Self.texts + [
            "Reviews and approves batch records for the batch", "Approves batch records and reviews the batch",
            "Supervises", "and the 12", "record record record batch",
        ]
        for a in texts {
            for b in texts {
                let ta = Tokenizer.tokenize(a)
                let tb = Tokenizer.tokenize(b)
                #expect(HashedTermSet.jaccard(.contentStems(ta), .contentStems(tb))
                        == TextSimilarity.jaccard(TextSimilarity.contentStems(ta), TextSimilarity.contentStems(tb)))
                #expect(HashedTermSet.jaccard(.bigrams(ta), .bigrams(tb))
                        == TextSimilarity.jaccard(TextSimilarity.shingles(ta, size: 2), TextSimilarity.shingles(tb, size: 2)))
                #expect(HashedTermSet.contentStems(ta).count == TextSimilarity.contentStems(ta).count)
                #expect(HashedTermSet.bigrams(ta).count == TextSimilarity.shingles(ta, size: 2).count)
            }
        }
    }

    @Test func stopwordTableAgreesWithTheList() {
        for word in Stopwords.all { #expect(Stopwords.contains(word)) }
        for word in ["batch", "them selves", "themselvesx", "", "THE", "ab", "throughoutly"] { #expect(!Stopwords.contains(word)) }
    }

    /// Union, difference and membership on hashed sets give what the same operations on string sets give.
    @Test func hashedSetOperationsMatchStringSets() {
        let sets = Self.texts.map { HashedTermSet.contentStems(Tokenizer.tokenize($0)) }
        let strings = Self.texts.map { TextSimilarity.contentStems(Tokenizer.tokenize($0)) }
        let union = HashedTermSet.union(sets)
        let stringUnion = strings.reduce(into: Set<String>()) { $0.formUnion($1) }
        #expect(Set(union.stems) == stringUnion)
        #expect(union.count == stringUnion.count, "the union holds each stem once")
        for (set, stringSet) in zip(sets, strings) {
            #expect(Set(union.subtracting(set).stems) == stringUnion.subtracting(stringSet))
            #expect(Set(set.subtracting(union).stems).isEmpty)
            for stem in stringUnion {
                #expect(set.contains(stem) == stringSet.contains(stem), "\(stem)")
            }
        }
        let excluded = HashedTermSet(stems: ["supervis", "cafe", "naïve", "nai\u{0308}ve", "not-a-stem"])
        #expect(Set(union.subtracting(excluded).stems) == stringUnion.subtracting(["supervis", "cafe", "naïve", "not-a-stem"]))
        #expect(HashedTermSet.union([]).isEmpty)
        let view = HashedTermSetUnion(sets)
        #expect(view.union == union)
        for stem in stringUnion.union(["not-a-stem", "cafe"]) {
            #expect(view.contains(stem) == stringUnion.contains(stem), "\(stem)")
        }
        let probe = HashedTermSet(stems: Array(stringUnion.prefix(5)) + ["not-a-stem", "cafe"])
        let rest = HashedTermSetUnion(Array(sets.dropFirst(2)))
        let restStrings = strings.dropFirst(2).reduce(into: Set<String>()) { $0.formUnion($1) }
        let (held, notHeld) = rest.partition(probe)
        #expect(Set(held.stems) == Set(probe.stems).intersection(restStrings))
        #expect(Set(notHeld.stems) == Set(probe.stems).subtracting(restStrings))
        #expect(held.count + notHeld.count == probe.count)
        for (set, stringSet) in zip(sets, strings) {
            #expect(view.sharedCount(with: set) == stringSet.count)
            #expect(HashedTermSetUnion(Array(sets.dropFirst())).sharedCount(with: set)
                    == stringSet.intersection(strings.dropFirst().reduce(into: Set<String>()) { $0.formUnion($1) }).count)
        }
        for token in Tokenizer.tokenize(Self.texts[3]) where token.isContent {
            #expect(union.contains(stemOf: token))
        }
    }

    /// Tokens from the per-thread word cache equal freshly computed ones: a word met again in other
    /// case, after the cache has emptied itself, and on another thread.
    @Test func cachedWordsGiveTheSameTokens() async {
        func describe(_ tokens: [Token]) -> [String] {
            tokens.map { "\($0.normalized)|\($0.stem)|\($0.stemID)|\($0.isNumber)|\($0.isStopword)|\($0.range)" }
        }
        let text = "Batch BATCH batch batches 1,000 1000 the The THE ISO iso Approves approving"
        let first = describe(Tokenizer.tokenize(text))
        #expect(describe(Tokenizer.tokenize(text)) == first)
        for token in Tokenizer.tokenize(text) {
            #expect(token.stemID == StemIDs.shared.id(of: token.stem))
            #expect(token.stem == (token.isNumber ? token.normalized : Stemmer.stem(token.normalized)))
            #expect(token.isStopword == (!token.isNumber && Stopwords.contains(token.normalized)))
        }
        // More distinct words than the cache holds: it starts again, and results do not change.
        let filler = (0..<(WordCache.capacity + 10)).map { "w\($0)x" }.joined(separator: " ")
        _ = Tokenizer.tokenize(filler)
        #expect(describe(Tokenizer.tokenize(text)) == first)
        let elsewhere = await Task.detached { describe(Tokenizer.tokenize(text)) }.value
        #expect(elsewhere == first)
    }

    /// The word cache reads words eight bytes at a time: words of every length around the chunk
    /// boundaries (and past the longest it keeps), in mixed case, in the middle and at the very end
    /// of a text (where fewer than eight bytes remain to be read), give the tokens the scalar path
    /// gives, and words that differ only in one byte of one chunk are not confused.
    @Test func wordsOfEveryLengthAroundTheChunkBoundaries() {
        let letters = Array("aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789QrStUvWx")
        var texts: [String] = []
        for length in 1...40 {
            let word = String(letters.prefix(length))
            var twin = Array(word)
            twin[length - 1] = twin[length - 1] == "z" ? "y" : "z"
            texts.append("\(word) mid \(String(twin)), \(word.uppercased()) \(word)")
            texts.append(word)
            texts.append("x \(String(twin))")
        }
        for text in texts {
            var reference: [Range<String.Index>] = []
            Tokenizer.scan(text) { reference.append($0.range) }
            let tokens = Tokenizer.tokenize(text)
            #expect(tokens.map(\.range) == reference, "\(text)")
            for (token, range) in zip(tokens, reference) {
                #expect(token.normalized == Self.referenceNormalized(text, range), "\(text): \(token.normalized)")
                #expect(token.stemID == StemIDs.shared.id(of: token.isNumber ? token.normalized : Stemmer.stem(token.normalized)), "\(text)")
            }
        }
    }
}
