/// Whether a level profile's approval still holds, as `review-profile verify` classifies it.
public enum ApprovalState: String, Sendable, CaseIterable, Comparable {
    /// A valid record, signed by a trusted key, chain intact, content and rubric hashes current.
    case approved
    /// The last approval was valid, but the content or the rubric changed since.
    case stale
    /// No approval record.
    case unapproved
    /// A record exists but cannot be trusted: bad signature, unknown key, broken chain, edited or moved record.
    case tampered

    public static func < (lhs: ApprovalState, rhs: ApprovalState) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The approval state of one level profile, with the evidence behind it.
public struct ApprovalStatus: Sendable, Equatable {
    /// `<profile id>.<level code>`.
    public var levelProfileID: String
    public var file: String
    public var state: ApprovalState
    /// Why: "content changed since 2026-05-02 approval", "signature does not verify", ….
    public var reasons: [String]
    /// `reviewed_at` of the last valid approval record, ISO 8601.
    public var lastApprovedAt: String?
    /// Rubric version recorded in the last valid approval.
    public var rubricVersion: String?

    public init(
        levelProfileID: String, file: String, state: ApprovalState, reasons: [String] = [], lastApprovedAt: String? = nil,
        rubricVersion: String? = nil
    ) {
        self.levelProfileID = levelProfileID
        self.file = file
        self.state = state
        self.reasons = reasons
        self.lastApprovedAt = lastApprovedAt
        self.rubricVersion = rubricVersion
    }
}
