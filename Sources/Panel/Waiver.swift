import LocatedDocument
import ProfileModel

/// One entry of `Rubrics/waivers.yaml`: the findings of one rule on one profile (every level) or one
/// level profile, accepted on purpose by someone, for a reason, until a date.
public struct Waiver: Sendable, Equatable {
    /// `<function code>.<focus code>`.
    public var profileID: String
    /// Set when the waiver names a single level profile.
    public var levelCode: String?
    /// The waived rule (always a registered panel rule).
    public var rule: String
    /// The waived rule's dimension: the waiver's own findings are counted there.
    public var dimension: Dimension
    /// Only findings whose evidence contains this text are waived, when set.
    public var match: String?
    public var reason: String
    public var approvedBy: String
    /// The last day the waiver holds, `YYYY-MM-DD`.
    public var expires: String
    /// The waivers file, as reports name files.
    public var file: String
    /// Where the entry starts in the waivers file, and its JSON pointer there (`/waivers/<index>`).
    public var location: SourceLocation
    public var pointer: JSONPointer

    public init(
        profileID: String, levelCode: String? = nil, rule: String, dimension: Dimension, match: String? = nil,
        reason: String, approvedBy: String, expires: String, file: String, location: SourceLocation,
        pointer: JSONPointer = .root
    ) {
        (self.profileID, self.levelCode, self.rule, self.dimension, self.match) = (profileID, levelCode, rule, dimension, match)
        (self.reason, self.approvedBy, self.expires, self.file, self.location) = (reason, approvedBy, expires, file, location)
        self.pointer = pointer
    }

    /// The id the waiver names: a profile id, or a level profile id.
    public var scope: String { levelCode.map { "\(profileID).\($0)" } ?? profileID }

    /// Whether the waiver is about this level profile (of the profile `profileID`).
    public func covers(levelProfileID: String, profileID: String) -> Bool {
        levelCode == nil ? self.profileID == profileID : scope == levelProfileID
    }

    /// Expired when its last day is before the review date. Both are `YYYY-MM-DD`, so text order is date order.
    public func isExpired(today: String) -> Bool { expires < today }

    /// Whether the waiver accepts this finding (its rule, and its evidence when `match` is set).
    public func matches(_ finding: Finding) -> Bool {
        finding.rule == rule && (match.map { finding.evidence.contains($0) } ?? true)
    }

    /// What a waived finding carries.
    public var annotation: AppliedWaiver {
        AppliedWaiver(scope: scope, reason: reason, approvedBy: approvedBy, expires: expires, match: match, file: file, location: location)
    }

    /// `vague_language on MANUFA3.MANUFACT13A2.M3 (match "as needed")`, for messages.
    public var title: String {
        "\(rule) on \(scope)" + (match.map { " (match \"\($0)\")" } ?? "")
    }
}
