/// What each career level means, per track (Rubrics/levels.yaml).
public struct LevelCatalogue: Sendable {
    public struct Track: Sendable {
        public var id: String
        public var name: String
        public var description: String?
        /// Lowest to highest.
        public var levels: [CatalogueLevel]

        public init(id: String, name: String, description: String?, levels: [CatalogueLevel]) {
            self.id = id
            self.name = name
            self.description = description
            self.levels = levels
        }

        public func level(code: String) -> CatalogueLevel? {
            levels.first { $0.code == code }
        }

        /// Rank of a level code within the track (0 = lowest); nil for codes the track does not have.
        public func rank(of code: String) -> Int? {
            levels.firstIndex { $0.code == code }
        }
    }

    public var version: Int
    public var tracks: [Track]

    public init(version: Int, tracks: [Track]) {
        self.version = version
        self.tracks = tracks
    }

    public func track(id: String) -> Track? {
        tracks.first { $0.id == id }
    }
}

/// One level of the catalogue: the meaning every profile's level of that code must live up to.
public struct CatalogueLevel: Sendable {
    public var code: String
    public var name: String
    public var summary: String
    public var scope: String
    public var autonomy: String?
    public var complexity: String?
    public var impact: String?
    public var decisionRights: String?
    public var leadership: String?
    public var years: ClosedRange<Int>
    /// Lowercase words and phrases that signal this level's scope ("single shift", "department").
    public var scopeTerms: [String]
    /// Lowercase decision-rights and leadership verbs typical at this level.
    public var decisionVerbs: [String]

    public init(
        code: String, name: String, summary: String, scope: String, autonomy: String?, complexity: String?,
        impact: String?, decisionRights: String?, leadership: String?, years: ClosedRange<Int>,
        scopeTerms: [String], decisionVerbs: [String]
    ) {
        self.code = code
        self.name = name
        self.summary = summary
        self.scope = scope
        self.autonomy = autonomy
        self.complexity = complexity
        self.impact = impact
        self.decisionRights = decisionRights
        self.leadership = leadership
        self.years = years
        self.scopeTerms = scopeTerms
        self.decisionVerbs = decisionVerbs
    }
}
