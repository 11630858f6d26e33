/// Where one phrase of a ``PhraseSet`` occurs in a token array.
public struct PhraseMatch: Sendable, Hashable {
    /// Index into ``PhraseSet/phrases``.
    public var phraseIndex: Int
    /// Indices of the matched tokens.
    public var tokenRange: Range<Int>

    public init(phraseIndex: Int, tokenRange: Range<Int>) {
        self.phraseIndex = phraseIndex
        self.tokenRange = tokenRange
    }

    /// The span of the original text covered by the match (first token's start to last token's
    /// end). `tokens` must be the array the match was found in.
    public func textRange(in tokens: [Token]) -> Range<String.Index> {
        tokens[tokenRange.lowerBound].range.lowerBound..<tokens[tokenRange.upperBound - 1].range.upperBound
    }
}

/// A set of phrases compiled once into a token trie, matched on stems.
///
/// Each phrase is tokenised with ``Tokenizer`` and matched by its tokens' stems, so matching is
/// case-insensitive and tolerates inflection ("works with stakeholders" matches "work with
/// stakeholders"); stopwords inside phrases take part in the match. Punctuation is ignored on both
/// sides ("single-use" matches "single use").
///
/// The trie is flat: each edge is one entry of a single table keyed by (node, stem id), the stem id
/// being the process-wide one every token carries (``StemIDs``), and a node's phrase is an array
/// slot. Matching costs one edge probe per trie step, with no string hashed or compared; no regular
/// expressions are involved. A class: rules and domain packs pass phrase sets around
/// by the thousand, and a copy is then one reference, not one per table.
public final class PhraseSet: Sendable {
    /// The phrases as given, including empty and duplicate ones; ``PhraseMatch/phraseIndex`` indexes
    /// this array.
    public let phrases: [String]
    /// The length, in tokens, of the longest phrase.
    public let maxPhraseTokenCount: Int

    private let edges: EdgeTable
    /// Per trie node, the index of the phrase ending there, or -1. Node 0 is the root.
    private let terminals: [Int32]
    /// A 4,096-bit filter of the phrases' first stems, indexed by the low 12 bits of their stem ids:
    /// a token whose bit is clear starts no phrase, and most tokens are rejected here without a
    /// table probe. A set bit may be a false alarm, which the trie walk then answers.
    private let firstStemFilter: [UInt64]

    /// Compiles `phrases`. Phrases without any word or number are ignored; when several phrases
    /// have the same stems, the first one's index is reported.
    public init(_ phrases: [String]) {
        self.phrases = phrases
        var edges = EdgeTable()
        var terminals: [Int32] = [-1]
        var longest = 0
        var filter = [UInt64](repeating: 0, count: 64)
        for (phraseIndex, phrase) in phrases.enumerated() {
            let tokens = Tokenizer.tokenize(phrase)
            guard let first = tokens.first else { continue }
            let bit = Self.filterBit(first.stemID)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
            longest = max(longest, tokens.count)
            var node: Int32 = 0
            for token in tokens {
                let key = Self.edgeKey(node, token.stemID)
                if let child = edges.child(key) {
                    node = child
                } else {
                    let child = Int32(terminals.count)
                    terminals.append(-1)
                    edges.insert(key, child: child)
                    node = child
                }
            }
            if terminals[Int(node)] < 0 {
                terminals[Int(node)] = Int32(phraseIndex)
            }
        }
        self.edges = edges
        self.terminals = terminals
        self.maxPhraseTokenCount = longest
        self.firstStemFilter = filter
    }

    @inline(__always)
    private static func filterBit(_ stemID: UInt32) -> Int {
        Int(stemID & 4095)
    }

    /// False when no phrase can start with a token of stem `stemID` (see ``firstStemFilter``, read
    /// through its buffer: the loops that ask read one stem id a token, not the token).
    @inline(__always)
    private static func mayStartPhrase(_ stemID: UInt32, _ filter: UnsafeBufferPointer<UInt64>) -> Bool {
        let bit = filterBit(stemID)
        return filter[bit >> 6] >> UInt64(bit & 63) & 1 != 0
    }

    /// True when no phrase can ever match (no phrases, or only empty ones).
    public var isEmpty: Bool { terminals.count == 1 }

    /// Non-overlapping matches, left to right; at each start position the longest phrase wins
    /// (leftmost-longest).
    public func matches(in tokens: [Token]) -> [PhraseMatch] {
        guard !isEmpty, !tokens.isEmpty else { return [] }
        var result: [PhraseMatch] = []
        firstStemFilter.withUnsafeBufferPointer { filter in
            var start = 0
            while start < tokens.count {
                if Self.mayStartPhrase(tokens[start].stemID, filter), let (end, phrase) = longestMatch(tokens, from: start) {
                    result.append(PhraseMatch(phraseIndex: Int(phrase), tokenRange: start..<end))
                    start = end
                } else {
                    start += 1
                }
            }
        }
        return result
    }

    /// The first of ``matches(in:)``, found without looking further.
    public func firstMatch(in tokens: [Token]) -> PhraseMatch? {
        guard !isEmpty else { return nil }
        return firstStemFilter.withUnsafeBufferPointer { filter in
            for start in tokens.indices where Self.mayStartPhrase(tokens[start].stemID, filter) {
                if let (end, phrase) = longestMatch(tokens, from: start) {
                    return PhraseMatch(phraseIndex: Int(phrase), tokenRange: start..<end)
                }
            }
            return nil
        }
    }

    /// Tokenises `text` and matches it; convenient when the tokens are not needed otherwise.
    public func matches(in text: String) -> [PhraseMatch] {
        matches(in: Tokenizer.tokenize(text))
    }

    /// True when any phrase occurs in `tokens`; stops at the first match.
    public func contains(in tokens: [Token]) -> Bool {
        guard !isEmpty, !tokens.isEmpty else { return false }
        return firstStemFilter.withUnsafeBufferPointer { filter in
            for start in tokens.indices where Self.mayStartPhrase(tokens[start].stemID, filter) {
                var node: Int32 = 0
                var index = start
                while index < tokens.count, let child = child(of: node, tokens[index].stemID) {
                    if terminals[Int(child)] >= 0 { return true }
                    node = child
                    index += 1
                }
            }
            return false
        }
    }

    /// The phrase indices that occur at least once, in ascending order.
    public func matchedPhraseIndices(in tokens: [Token]) -> [Int] {
        Array(Set(matches(in: tokens).map(\.phraseIndex))).sorted()
    }

    /// The trie node reached from `node` by the token's stem, or nil.
    @inline(__always)
    private func child(of node: Int32, _ stemID: UInt32) -> Int32? {
        edges.child(Self.edgeKey(node, stemID))
    }

    private func longestMatch(_ tokens: [Token], from start: Int) -> (end: Int, phrase: Int32)? {
        var best: (end: Int, phrase: Int32)?
        var node: Int32 = 0
        var index = start
        while index < tokens.count, let child = child(of: node, tokens[index].stemID) {
            index += 1
            node = child
            let phrase = terminals[Int(child)]
            if phrase >= 0 { best = (index, phrase) }
        }
        return best
    }

    @inline(__always)
    private static func edgeKey(_ node: Int32, _ stemID: UInt32) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 32 | UInt64(stemID)
    }
}
