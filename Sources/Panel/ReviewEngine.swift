import ProfileLoading
import ProfileModel
import Reviewers

/// Runs the panel: for every level profile, every reviewer runs its rules; scores follow from the
/// findings by the policy's arithmetic, and the gate decides. Files are reviewed in parallel,
/// results come back in input order.
public struct ReviewEngine: Sendable {
    public var rubric: ReviewRubric {
        didSet { prepared = PreparedRules(policy: rubric.policy) }
    }
    private var prepared: PreparedRules

    public init(rubric: ReviewRubric) {
        self.rubric = rubric
        self.prepared = PreparedRules(policy: rubric.policy)
    }

    /// Reviews every file the loader produced; files that did not load are reported as invalid.
    public func review(_ results: [FileCheckResult]) -> ReviewRun {
        let files = results.parallelMap { result -> FileReview in
            guard let profile = result.profile, result.isValid else {
                return FileReview(file: result.file, profileID: nil, levels: [], diagnostics: result.diagnostics)
            }
            return FileReview(file: result.file, profileID: profile.id.value, levels: review(profile), diagnostics: [])
        }
        return ReviewRun(rubric: rubric, files: files)
    }

    /// Reviews every level of one loaded profile.
    public func review(_ profile: Profile) -> [LevelReview] {
        let analysis = ProfileAnalysis(profile: profile, knowledge: rubric.knowledge)
        let contentHash = ContentHash.of(profile.document)
        return analysis.levels.indices.map { review(analysis, levelIndex: $0, contentHash: contentHash) }
    }

    private func review(_ analysis: ProfileAnalysis, levelIndex: Int, contentHash: String) -> LevelReview {
        let policy = rubric.policy
        var reports: [ReviewerReport] = []
        for reviewer in policy.reviewers {
            var findings: [Finding] = []
            var checks = 0
            for rule in reviewer.rules {
                let description = rule.description
                let settings = policy.ruleSettings[description.id]
                let subject = ReviewSubject(
                    analysis: analysis, levelIndex: levelIndex, knowledge: rubric.knowledge,
                    parameters: prepared.parameters(for: description),
                    rule: description, severityOverride: settings?.severity
                )
                let outcome = rule.init().check(subject)
                findings += outcome.findings
                checks += outcome.checksRun
            }
            let sorted = Finding.sortedForOutput(findings)
            reports.append(ReviewerReport(
                id: reviewer.id, name: reviewer.name, dimension: reviewer.dimension,
                score: ReviewerScoring.reviewerScore(sorted, penalties: policy.penalties), checksRun: checks,
                rules: reviewer.rules.map { $0.description.id }, findings: sorted
            ))
        }
        var scores: [Dimension: Double] = [:]
        for dimension in Dimension.allCases {
            scores[dimension] = ReviewerScoring.dimensionScore(reports.filter { $0.dimension == dimension }.map(\.score))
        }
        let findings = Finding.sortedForOutput(reports.flatMap(\.findings))
        let (decision, reasons) = ApprovalGate.decide(
            scores: scores, findings: findings, profile: analysis.profile, gate: policy.gate
        )
        let level = analysis.levels[levelIndex].level
        return LevelReview(
            id: "\(analysis.profile.id.value).\(level.code.value)", file: analysis.profile.file, level: level.code.value,
            decision: decision, scores: scores, minScore: scores.values.min() ?? 1, contentSHA256: contentHash,
            reviewers: reports, findings: findings, gateReasons: reasons
        )
    }
}
