/// One word or number of a text.
///
/// Tokens are produced by ``Tokenizer/tokenize(_:)``; `range` always refers to the text that was
/// tokenised, so findings can quote or point at the original words.
public struct Token: Sendable, Hashable {
    /// The token lowercased with `lowercased()`, diacritics kept, typographic apostrophes (’)
    /// folded to `'`; e.g. "bioreactors", "associate's", "99.5".
    public var normalized: String
    /// The light stem of `normalized` (see ``Stemmer``); numbers are not stemmed. Looked up by the
    /// stem's id (``StemIDs``), not stored: a token holds one string, not two, so the tokenizer and
    /// every copy of a token retain and release half as much. Rules compare ``stemID``; the string is
    /// for what is written out.
    public var stem: String { StemIDs.shared.stem(of: storedStemID) }
    /// Where the token is in the original text. Bounds are Unicode-scalar aligned.
    public var range: Range<String.Index>
    /// True when the token is made only of decimal digits and internal number separators:
    /// "12", "99.5", "1,000", "2026".
    public var isNumber: Bool
    /// True when `normalized` is in ``Stopwords``.
    public var isStopword: Bool
    /// The stem's process-wide id (``StemIDs``), what hashed term sets and phrase sets compare:
    /// equal exactly when the stems are equal, but handed out in first-come order, so it differs
    /// between runs and must never be written out or decide an order that is.
    public var stemID: UInt32 { storedStemID }
    private var storedStemID: UInt32

    public init(normalized: String, stem: String, range: Range<String.Index>, isNumber: Bool, isStopword: Bool) {
        self.normalized = normalized
        self.range = range
        self.isNumber = isNumber
        self.isStopword = isStopword
        self.storedStemID = StemIDs.shared.id(of: stem)
    }

    /// A token whose stem id is already known (``WordCache``).
    init(normalized: String, stemID: UInt32, range: Range<String.Index>, isNumber: Bool, isStopword: Bool) {
        self.normalized = normalized
        self.range = range
        self.isNumber = isNumber
        self.isStopword = isStopword
        self.storedStemID = stemID
    }

    /// True for a word that carries meaning: neither a stopword nor a number.
    public var isContent: Bool { !isStopword && !isNumber }
}
