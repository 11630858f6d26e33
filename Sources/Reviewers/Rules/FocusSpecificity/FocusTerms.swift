import ProfileModel
import TextAnalysis

/// The vocabulary that marks text as belonging to this profile's focus: the domain pack's
/// vocabulary, concrete terms and entities, plus the content stems the profile declares for itself
/// (focus name, summary, skill names) minus generic words any job uses.
struct FocusTerms {
    private let sets: [PhraseSet]
    private let stems: HashedTermSet

    /// Every stem of the generic words (stopwords included), which never count as focus vocabulary.
    static func ignoredStems(_ generic: [String]) -> HashedTermSet {
        HashedTermSet(stems: generic.flatMap { Tokenizer.tokenize($0).map(\.stem) })
    }

    init(_ subject: ReviewSubject, ignoring ignored: HashedTermSet) {
        if let domain = subject.analysis.domain {
            sets = [domain.entityPhrases, domain.concreteTerms, domain.vocabulary]
        } else {
            sets = []
        }
        stems = subject.analysis.focusVocabulary.subtracting(ignored)
    }

    /// Whether `text` uses any focus term.
    func occurs(in text: AnalyzedText) -> Bool {
        sets.contains { $0.contains(in: text.tokens) } || text.tokens.contains { $0.isContent && stems.contains(stemOf: $0) }
    }
}
