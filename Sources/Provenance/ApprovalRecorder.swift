import Foundation
import Panel
import ProfileLoading

/// Appends signed approval records for the level profiles a review approved. Each record file is
/// rewritten whole and atomically (old bytes + the new line, via `AtomicFile`), so a crash leaves
/// either the old chain or the new one, never half a line.
public struct ApprovalRecorder: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// A record was appended to this file (project-relative).
        case recorded(String)
        /// The latest record already holds this very judgement; nothing was appended.
        case unchanged(String)
        /// The gate did not approve; approvals only.
        case notApproved(Decision)
        /// Not recorded, and why (an untrustworthy existing chain, a file outside the project, …).
        case refused([String])
    }

    public var signingKey: ApprovalSigningKey
    public var verifier: ApprovalVerifier
    public var reviewedAt: String
    public var gitCommit: String?

    public init(signingKey: ApprovalSigningKey, verifier: ApprovalVerifier, reviewedAt: String, gitCommit: String?) {
        self.signingKey = signingKey
        self.verifier = verifier
        self.reviewedAt = reviewedAt
        self.gitCommit = gitCommit
    }

    /// Records every approved level profile of the run, in order.
    public func record(_ run: ReviewRun) throws(ConfigurationError) -> [(review: LevelReview, outcome: Outcome)] {
        var outcomes: [(review: LevelReview, outcome: Outcome)] = []
        for review in run.levelReviews {
            outcomes.append((review, try record(review, of: run)))
        }
        return outcomes
    }

    public func record(_ review: LevelReview, of run: ReviewRun) throws(ConfigurationError) -> Outcome {
        guard review.decision == .approved else { return .notApproved(review.decision) }
        guard let path = verifier.recordPath(for: review.id) else {
            return .refused(["level profile id \"\(review.id)\" cannot name a record file"])
        }
        guard let file = ProjectRelativePath.of(review.file, root: verifier.projectRoot) else {
            return .refused(["\(review.file) is outside the project \(verifier.projectRoot)"])
        }
        let display = verifier.displayRecordPath(for: review.id)
        var existing: RecordChain?
        switch RecordChain.read(path: path, displayPath: display, levelProfileID: review.id, trustedKeys: verifier.trustedKeys) {
        case .missing: existing = nil
        case .intact(let chain): existing = chain
        case .tampered(let reasons):
            // Never extend a chain that cannot be trusted: the new signature would vouch for it.
            return .refused(reasons + ["inspect \(display) (git log -p); delete it to start a new chain"])
        }
        var record = ApprovalRecord(
            review: review, file: file, rubricID: run.rubricID, rubricVersion: run.rubricVersion,
            rubricSHA256: run.rubricSHA256, reviewedAt: reviewedAt, gitCommit: gitCommit,
            previousRecordSHA256: existing?.headHash, keyID: signingKey.keyID,
            toolName: ToolInfo.name, toolVersion: ToolInfo.version
        )
        if let existing, existing.latest.sameJudgement(as: record) {
            return .unchanged(display)
        }
        record.signature = try signingKey.signature(for: RecordCanonicalForm.signedBytes(of: record)).base64EncodedString()
        let line = Array((record.json(includingSignature: true).serialized() + "\n").utf8)
        try AtomicFile.write(Data((existing?.bytes ?? []) + line), to: path)
        return .recorded(display)
    }
}
