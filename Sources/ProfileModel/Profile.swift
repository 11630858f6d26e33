import LocatedDocument

/// One profile file: a focus (role family) with its whole level ladder, skills and provenance.
public struct Profile: Sendable {
    /// The file as the user named it.
    public var file: String
    /// `<function code>.<focus code>`.
    public var id: Located<String>
    public var function: CodedName
    public var focus: CodedName
    /// The domain pack that applies, when the author names one.
    public var domain: Located<String>?
    public var summary: Located<String>
    public var distinctFrom: [Located<String>]
    public var track: Located<String>
    public var status: Located<ProfileStatus>
    public var version: Int
    public var scope: String?
    public var confidence: Double?
    public var levels: [Level]
    public var skills: [Skill]
    public var aliases: [Located<String>]
    public var classifications: [Classification]
    public var sources: [Source]
    /// The parsed document the profile was decoded from, kept for hashing and canonical output.
    public var document: DocumentNode

    public init(
        file: String, id: Located<String>, function: CodedName, focus: CodedName, domain: Located<String>?,
        summary: Located<String>, distinctFrom: [Located<String>], track: Located<String>,
        status: Located<ProfileStatus>, version: Int, scope: String?, confidence: Double?, levels: [Level],
        skills: [Skill], aliases: [Located<String>], classifications: [Classification], sources: [Source],
        document: DocumentNode
    ) {
        self.file = file
        self.id = id
        self.function = function
        self.focus = focus
        self.domain = domain
        self.summary = summary
        self.distinctFrom = distinctFrom
        self.track = track
        self.status = status
        self.version = version
        self.scope = scope
        self.confidence = confidence
        self.levels = levels
        self.skills = skills
        self.aliases = aliases
        self.classifications = classifications
        self.sources = sources
        self.document = document
    }

    /// The unit later stages review and approve: one per level, in ladder order.
    public var levelProfiles: [LevelProfile] {
        levels.map { LevelProfile(profile: self, level: $0) }
    }
}
