import ProfileModel
import TextAnalysis

/// The catalogue's scope terms of one track, compiled once: which level each term belongs to.
/// Matched on stems, whole words only ("stream" never matches inside "upstream").
struct ScopeTermIndex: Sendable {
    struct Hit: Sendable {
        var term: String
        /// Rank of the catalogue level the term belongs to (0 = lowest on the track).
        var rank: Int
        var tokenRange: Range<Int>
    }

    private let phrases: PhraseSet
    private let rankOfPhrase: [Int]
    let levelCodes: [String]

    init(track: LevelCatalogue.Track) {
        var terms: [String] = []
        var ranks: [Int] = []
        for (rank, level) in track.levels.enumerated() {
            for term in level.scopeTerms {
                terms.append(term)
                ranks.append(rank)
            }
        }
        phrases = PhraseSet(terms)
        rankOfPhrase = ranks
        levelCodes = track.levels.map(\.code)
    }

    func hits(in tokens: [Token]) -> [Hit] {
        phrases.matches(in: tokens).map {
            Hit(term: phrases.phrases[$0.phraseIndex], rank: rankOfPhrase[$0.phraseIndex], tokenRange: $0.tokenRange)
        }
    }

    func code(ofRank rank: Int) -> String {
        levelCodes.indices.contains(rank) ? levelCodes[rank] : "rank \(rank)"
    }
}
