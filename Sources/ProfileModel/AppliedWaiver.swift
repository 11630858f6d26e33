import LocatedDocument

/// The waiver that accepted a finding on purpose, as every report shows it: who approved it, until
/// when, why, and where it is written (`Rubrics/waivers.yaml`, line and column of the entry). A
/// waived finding is still reported, but costs no points and does not block the gate.
public struct AppliedWaiver: Sendable, Equatable {
    /// The profile or level profile id the waiver names.
    public var scope: String
    public var reason: String
    public var approvedBy: String
    /// The last day the waiver holds, `YYYY-MM-DD`.
    public var expires: String
    /// The evidence substring the waiver is limited to, when it is.
    public var match: String?
    /// The waivers file, as reports name files.
    public var file: String
    public var location: SourceLocation

    public init(
        scope: String, reason: String, approvedBy: String, expires: String, match: String? = nil, file: String,
        location: SourceLocation
    ) {
        (self.scope, self.reason, self.approvedBy, self.expires, self.match) = (scope, reason, approvedBy, expires, match)
        (self.file, self.location) = (file, location)
    }
}
