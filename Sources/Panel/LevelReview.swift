import ProfileModel

/// The outcome of the gate for one level profile.
public enum Decision: String, Sendable, Comparable {
    case approved
    case rejected
    case invalid

    public static func < (lhs: Decision, rhs: Decision) -> Bool {
        [Decision.approved, .rejected, .invalid].firstIndex(of: lhs)! < [Decision.approved, .rejected, .invalid].firstIndex(of: rhs)!
    }
}

/// What one reviewer concluded about one level profile.
public struct ReviewerReport: Sendable {
    public var id: String
    public var name: String
    public var dimension: Dimension
    public var score: Int
    /// Checks attempted across its rules, findings or not.
    public var checksRun: Int
    /// The rules it ran, in panel order.
    public var rules: [String]
    public var findings: [Finding]
}

/// The panel's review of one level profile and the gate's decision on it.
public struct LevelReview: Sendable {
    /// `<profile id>.<level code>`.
    public var id: String
    public var file: String
    public var level: String
    public var decision: Decision
    public var scores: [Dimension: Double]
    public var minScore: Double
    public var contentSHA256: String
    public var reviewers: [ReviewerReport]
    /// Every finding of every reviewer, in reading order.
    public var findings: [Finding]
    /// Why the gate decided as it did, one line per reason (empty reasons never approve).
    public var gateReasons: [String]

    public init(
        id: String, file: String, level: String, decision: Decision, scores: [Dimension: Double], minScore: Double,
        contentSHA256: String, reviewers: [ReviewerReport] = [], findings: [Finding], gateReasons: [String]
    ) {
        (self.id, self.file, self.level, self.decision, self.scores, self.minScore) = (id, file, level, decision, scores, minScore)
        (self.contentSHA256, self.reviewers, self.findings, self.gateReasons) = (contentSHA256, reviewers, findings, gateReasons)
    }
}
