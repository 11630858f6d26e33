import LocatedDocument
import ProfileModel
import TextAnalysis

/// One piece of profile text, tokenised once and shared by every rule that reads it.
public final class AnalyzedText: Sendable {
    public let text: String
    public let location: SourceLocation
    public let pointer: JSONPointer
    public let tokens: [Token]
    /// Stems of the words that carry meaning (no stopwords, no numbers), as strings (built on each
    /// access; rules use ``stemKeys``).
    public var contentStems: Set<String> { Set(stemKeys.stems) }
    /// Two-word shingles of the content stems (computed on each access; near-duplicate detection
    /// compares ``shingleKeys``).
    public var shingles: Set<String> { TextSimilarity.shingles(tokens, size: 2) }
    /// ``contentStems`` and ``shingles`` as sorted integer keys of stem ids (``HashedTermSet``),
    /// computed once here so the many pairwise comparisons of near-duplicate detection merge
    /// integers instead of hashing strings.
    public let stemKeys: HashedTermSet
    public let shingleKeys: HashedTermSet

    public init(_ text: String, at location: SourceLocation, pointer: JSONPointer) {
        self.text = text
        self.location = location
        self.pointer = pointer
        self.tokens = Tokenizer.tokenize(text)
        self.stemKeys = HashedTermSet.contentStems(tokens)
        self.shingleKeys = HashedTermSet.bigrams(tokens)
    }

    convenience init(_ located: Located<String>, pointer: JSONPointer) {
        self.init(located.value, at: located.location, pointer: pointer)
    }

    /// Number of word and number tokens.
    public var wordCount: Int { tokens.count }

    /// The original text of tokens `range` (for evidence).
    public func excerpt(_ range: Range<Int>) -> String {
        guard let first = range.first, let last = range.last, first < tokens.count, last < tokens.count else { return text }
        return String(text[tokens[first].range.lowerBound..<tokens[last].range.upperBound])
    }
}
