/// A rule whose outcome is the same for every level of a profile: it reads the profile (its sources,
/// classification, domain, skills), never the level under review. The engine runs it once per
/// profile and gives every level that outcome, instead of repeating the same work per level.
///
/// Conforming is a promise about `check`: it must not read `ReviewSubject.level`, `levelIndex`,
/// `previousLevel` or `lowerLevels`. `ProfileWideRuleTests` runs every such rule on every level of
/// the bundled profiles and of the failing examples and fails when two levels' outcomes differ.
public protocol ProfileWideRule: ReviewRule {}

extension ProfileWideRule {
    public static var isProfileWide: Bool { true }
}
