/// One level of a profile, the unit that is reviewed and approved: id `<profile id>.<level code>`.
public struct LevelProfile: Sendable {
    public var profile: Profile
    public var level: Level

    public init(profile: Profile, level: Level) {
        self.profile = profile
        self.level = level
    }

    public var id: String { "\(profile.id.value).\(level.code.value)" }
}
