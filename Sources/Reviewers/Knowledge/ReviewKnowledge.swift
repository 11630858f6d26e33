import ProfileModel

/// Everything the rubric tells reviewers beyond rule parameters: level catalogue, lexicons, domain
/// packs and reference data. Loaded once per run and shared by every review.
public final class ReviewKnowledge: Sendable {
    public let catalogue: LevelCatalogue
    public let lexicons: Lexicons
    /// Domain packs by id.
    public let domains: [String: DomainPack]
    public let occupations: OccupationCatalogue
    /// The review date, `YYYY-MM-DD` (from `SOURCE_DATE_EPOCH` when set, so runs are reproducible).
    public let today: String
    /// The catalogue's scope terms compiled once per track, by track id.
    let scopeTermIndexes: [String: ScopeTermIndex]
    /// The highest decision-verb rank among each catalogue level's own verbs, keyed by the verbs.
    private let decisionRanksOfVerbs: [[String]: Int?]

    public init(
        catalogue: LevelCatalogue, lexicons: Lexicons, domains: [String: DomainPack], occupations: OccupationCatalogue,
        today: String
    ) {
        self.catalogue = catalogue
        self.lexicons = lexicons
        self.domains = domains
        self.occupations = occupations
        self.today = today
        var indexes: [String: ScopeTermIndex] = [:]
        for track in catalogue.tracks { indexes[track.id] = ScopeTermIndex(track: track) }
        self.scopeTermIndexes = indexes
        var ranks: [[String]: Int?] = [:]
        for track in catalogue.tracks {
            for level in track.levels where ranks[level.decisionVerbs] == nil {
                ranks[level.decisionVerbs] = lexicons.decisionVerbs.highestRank(ofVerbs: level.decisionVerbs)
            }
        }
        self.decisionRanksOfVerbs = ranks
    }

    /// The highest decision-verb rank among `verbs` (a catalogue level's own), ranked at load for
    /// the catalogue's levels.
    func highestDecisionRank(ofVerbs verbs: [String]) -> Int? {
        if let rank = decisionRanksOfVerbs[verbs] { return rank }
        return lexicons.decisionVerbs.highestRank(ofVerbs: verbs)
    }

    /// The compiled scope terms of `track` (built at load; compiled on demand for a track the
    /// catalogue does not hold, which only tests construct).
    func scopeTermIndex(for track: LevelCatalogue.Track) -> ScopeTermIndex {
        scopeTermIndexes[track.id] ?? ScopeTermIndex(track: track)
    }
}
