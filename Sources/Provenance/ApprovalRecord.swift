import LocatedDocument
import Panel
import ProfileModel

private typealias Dimension = ProfileModel.Dimension

/// One line of `Reports/approvals/<level-profile-id>.jsonl`: who approved which content, judged by
/// which rubric, with what result, signed, and chained to the record before it.
///
/// Written as one JSON object per line with the keys in the order of `json(includingSignature:)`.
/// What is signed and hashed is not that text but `RecordCanonicalForm` (sorted keys, no
/// whitespace), so the record's meaning, not its layout, is what the signature protects.
public struct ApprovalRecord: Sendable, Equatable {
    /// Bumped when the meaning of a field changes; verifiers refuse versions they do not know.
    public static let formatVersion = 1

    public struct RubricIdentity: Sendable, Equatable {
        public var id: String
        public var version: String
        public var sha256: String
    }

    public struct ReviewerIdentity: Sendable, Equatable {
        public var id: String
        /// `<rubric version>+<first 12 hex digits of SHA-256 of the reviewer's rule ids, one per line>`:
        /// a reviewer changes when the rubric's version or its set of rules does.
        public var version: String
        public var score: Int
    }

    public var levelProfileID: String
    /// Relative to the project root, `/`-separated.
    public var file: String
    /// `ContentHash.of` the parsed profile: canonical JSON, so YAML layout and comments do not count.
    public var contentSHA256: String
    public var rubric: RubricIdentity
    public var toolName: String
    public var toolVersion: String
    public var reviewers: [ReviewerIdentity]
    /// One per dimension, in `Dimension.allCases` order.
    public var scores: [(dimension: String, score: Double)]
    public var decision: String
    /// SHA-256 of the canonical JSON of the findings (`FindingsDigest`).
    public var findingsDigest: String
    /// ISO 8601 UTC, seconds precision.
    public var reviewedAt: String
    public var gitCommit: String?
    /// SHA-256 of the previous record's canonical form (signature included); nil for the first.
    public var previousRecordSHA256: String?
    public var keyID: String
    /// Base64 Ed25519 signature over the canonical form without this field; nil until signed.
    public var signature: String?

    public static func == (lhs: ApprovalRecord, rhs: ApprovalRecord) -> Bool {
        lhs.json(includingSignature: true) == rhs.json(includingSignature: true)
    }

    /// The record as a JSON object, in the documented key order.
    public func json(includingSignature: Bool) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("record_version", .int(Self.formatVersion)),
            ("level_profile_id", .string(levelProfileID)),
            ("file", .string(file)),
            ("content_sha256", .string(contentSHA256)),
            ("rubric", .object([("id", .string(rubric.id)), ("version", .string(rubric.version)), ("sha256", .string(rubric.sha256))])),
            ("tool", .object([("name", .string(toolName)), ("version", .string(toolVersion))])),
            ("reviewers", .array(reviewers.map {
                .object([("id", .string($0.id)), ("version", .string($0.version)), ("score", .int($0.score))])
            })),
            ("scores", .object(scores.map { ($0.dimension, .double($0.score)) })),
            ("decision", .string(decision)),
            ("findings_digest", .string(findingsDigest)),
            ("reviewed_at", .string(reviewedAt)),
            ("git_commit", gitCommit.map(JSONValue.string) ?? .null),
            ("previous_record_sha256", previousRecordSHA256.map(JSONValue.string) ?? .null),
            ("key_id", .string(keyID)),
        ]
        if includingSignature {
            members.append(("signature", signature.map(JSONValue.string) ?? .null))
        }
        return .object(members)
    }

    /// The fields a new approval would repeat when nothing about the judgement changed; `approve`
    /// skips appending a record whose judgement equals the latest one.
    public func sameJudgement(as other: ApprovalRecord) -> Bool {
        func judgement(_ record: ApprovalRecord) -> ApprovalRecord {
            var record = record
            record.reviewedAt = ""
            record.gitCommit = nil
            record.previousRecordSHA256 = nil
            record.signature = nil
            return record
        }
        return judgement(self) == judgement(other)
    }
}

extension ApprovalRecord {
    /// The record of an approving review, unsigned.
    public init(
        review: LevelReview, file: String, rubricID: String, rubricVersion: String, rubricSHA256: String,
        reviewedAt: String, gitCommit: String?, previousRecordSHA256: String?, keyID: String,
        toolName: String, toolVersion: String
    ) {
        self.levelProfileID = review.id
        self.file = file
        self.contentSHA256 = review.contentSHA256
        self.rubric = RubricIdentity(id: rubricID, version: rubricVersion, sha256: rubricSHA256)
        self.toolName = toolName
        self.toolVersion = toolVersion
        self.reviewers = review.reviewers.map { reviewer in
            let rules = ContentHash.sha256(reviewer.rules.joined(separator: "\n"))
            return ReviewerIdentity(id: reviewer.id, version: "\(rubricVersion)+\(rules.prefix(12))", score: reviewer.score)
        }
        self.scores = Dimension.allCases.map { ($0.rawValue, review.scores[$0] ?? 0) }
        self.decision = review.decision.rawValue
        self.findingsDigest = FindingsDigest.of(review.findings)
        self.reviewedAt = reviewedAt
        self.gitCommit = gitCommit
        self.previousRecordSHA256 = previousRecordSHA256
        self.keyID = keyID
        self.signature = nil
    }
}
