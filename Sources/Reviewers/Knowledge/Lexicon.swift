import ProfileModel
import TextAnalysis

/// A list of phrases the reviewers look for (`Rubrics/lexicons/<id>.yaml`), compiled once for
/// linear-time matching on word stems.
public struct Lexicon: Sendable {
    public struct Entry: Sendable, Equatable {
        public var term: String
        /// Overrides the rule's severity for this term (e.g. "other duties as assigned" is major).
        public var severity: Severity?
        public var suggestion: String?

        public init(term: String, severity: Severity? = nil, suggestion: String? = nil) {
            self.term = term
            self.severity = severity
            self.suggestion = suggestion
        }
    }

    public var id: String
    public var entries: [Entry]
    /// Phrase `i` is `entries[i].term`.
    public let phrases: PhraseSet
    /// Stems of the one-word entries, for "is this word in the list" questions (asked of a token,
    /// on its stem id: ``HashedTermSet/contains(stemOf:)``).
    public let singleWordStems: HashedTermSet

    public init(id: String, entries: [Entry]) {
        self.id = id
        self.entries = entries
        self.phrases = PhraseSet(entries.map(\.term))
        var stems: [String] = []
        for entry in entries {
            let tokens = Tokenizer.tokenize(entry.term)
            if tokens.count == 1 { stems.append(tokens[0].stem) }
        }
        self.singleWordStems = HashedTermSet(stems: stems)
    }

    /// The entries matched in `tokens`, with their token ranges, leftmost-longest.
    public func matches(in tokens: [Token]) -> [(entry: Entry, tokenRange: Range<Int>)] {
        phrases.matches(in: tokens).map { (entries[$0.phraseIndex], $0.tokenRange) }
    }
}

/// A lexicon whose phrases are graded by rank, lowest first (decision-rights verbs:
/// executes → supervises → approves → owns → sets direction).
public struct RankedLexicon: Sendable {
    public struct Rank: Sendable {
        public var rank: Int
        public var name: String
        public var phrases: PhraseSet

        public init(rank: Int, name: String, terms: [String]) {
            self.rank = rank
            self.name = name
            self.phrases = PhraseSet(terms)
        }
    }

    public var id: String
    public var ranks: [Rank]

    public init(id: String, ranks: [Rank]) {
        self.id = id
        self.ranks = ranks.sorted { $0.rank < $1.rank }
    }

    /// The highest rank any of whose phrases occurs in `tokens`, with the phrase found.
    public func highestRank(in tokens: [Token]) -> (rank: Rank, phrase: String)? {
        for rank in ranks.reversed() {
            if let match = rank.phrases.firstMatch(in: tokens) {
                return (rank, rank.phrases.phrases[match.phraseIndex])
            }
        }
        return nil
    }
}

/// The lexicons every rubric provides.
public struct Lexicons: Sendable {
    public let boilerplate: Lexicon
    public let vagueLanguage: Lexicon
    public let actionVerbs: Lexicon
    public let artifacts: Lexicon
    public let standards: Lexicon
    public let decisionVerbs: RankedLexicon
    /// The single-word stems of `artifacts` and `standards`: kinds of thing ("ERP", "SOP"), not names.
    public let genericNameStems: HashedTermSet

    /// The lexicon ids a rubric must provide, as file names under `Rubrics/lexicons/`.
    public static let requiredIDs = ["boilerplate", "vague-language", "action-verbs", "artifacts", "standards", "decision-verbs"]

    public init(
        boilerplate: Lexicon, vagueLanguage: Lexicon, actionVerbs: Lexicon, artifacts: Lexicon, standards: Lexicon,
        decisionVerbs: RankedLexicon
    ) {
        self.boilerplate = boilerplate
        self.vagueLanguage = vagueLanguage
        self.actionVerbs = actionVerbs
        self.artifacts = artifacts
        self.standards = standards
        self.decisionVerbs = decisionVerbs
        self.genericNameStems = HashedTermSet.union([artifacts.singleWordStems, standards.singleWordStems])
    }
}
