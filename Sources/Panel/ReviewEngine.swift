import ProfileLoading
import ProfileModel
import Reviewers

/// Runs the panel: for every level profile, every reviewer runs its rules; waivers are applied to
/// the findings; scores follow from the findings by the policy's arithmetic, and the gate decides.
/// Files are reviewed in parallel, results come back in input order.
public struct ReviewEngine: Sendable {
    public var rubric: ReviewRubric

    public init(rubric: ReviewRubric) {
        self.rubric = rubric
    }

    /// Reviews every file the loader produced; files that did not load are reported as invalid.
    /// - Parameter coverage: whether these are all the project's profiles, which decides whether a
    ///   waiver naming a profile outside the run is stale (see `WaiverProblem`).
    public func review(_ results: [FileCheckResult], coverage: ReviewCoverage = .selection) -> ReviewRun {
        let files = results.parallelMap { result -> FileReview in
            guard let profile = result.profile, result.isValid else {
                return FileReview(file: result.file, profileID: nil, levels: [], diagnostics: result.diagnostics)
            }
            return FileReview(file: result.file, profileID: profile.id.value, levels: review(profile), diagnostics: [])
        }
        var reviewedLevels: [String: Set<String>] = [:]
        for file in files {
            guard let profileID = file.profileID else { continue }
            reviewedLevels[profileID, default: []].formUnion(file.levels.map(\.id))
        }
        return ReviewRun(
            rubric: rubric, files: files,
            waiverProblems: rubric.waivers.problems(reviewedLevels: reviewedLevels, coverage: coverage)
        )
    }

    /// Reviews every level of one loaded profile.
    public func review(_ profile: Profile) -> [LevelReview] {
        let analysis = ProfileAnalysis(profile: profile, knowledge: rubric.knowledge)
        let contentHash = ContentHash.of(profile.document)
        let levels = analysis.levels.indices.map { runRules(analysis, levelIndex: $0) }
        // Waivers apply here, to all levels at once (a profile-wide waiver is unmatched only when no
        // level has a finding it accepts), after every rule ran and before any score is computed.
        let outcomes = rubric.waivers.apply(
            to: levels.map { WaiverSet.LevelFindings(levelProfileID: $0.id, findings: $0.findings) },
            profileID: profile.id.value, today: rubric.knowledge.today
        )
        return zip(levels, outcomes).map { decide($0, $1, analysis: analysis, contentHash: contentHash) }
    }

    /// What each reviewer's rules found on one level profile, before waivers and scores.
    private struct RuleResults {
        var id: String
        var levelIndex: Int
        /// Per reviewer (in policy order): its findings in rule order and the checks its rules ran.
        var reviewers: [(findings: [Finding], checksRun: Int)]
        var findings: [Finding] { reviewers.flatMap(\.findings) }
    }

    private func runRules(_ analysis: ProfileAnalysis, levelIndex: Int) -> RuleResults {
        let policy = rubric.policy
        var reviewers: [(findings: [Finding], checksRun: Int)] = []
        for reviewer in policy.reviewers {
            var findings: [Finding] = []
            var checks = 0
            for rule in reviewer.rules {
                let description = rule.description
                let settings = policy.ruleSettings[description.id]
                let subject = ReviewSubject(
                    analysis: analysis, levelIndex: levelIndex, knowledge: rubric.knowledge,
                    parameters: settings?.parameters ?? RuleParameters(declared: description.parameters),
                    rule: description, severityOverride: settings?.severity
                )
                let outcome = rule.init().check(subject)
                findings += outcome.findings
                checks += outcome.checksRun
            }
            reviewers.append((findings, checks))
        }
        let level = analysis.levels[levelIndex].level
        return RuleResults(id: "\(analysis.profile.id.value).\(level.code.value)", levelIndex: levelIndex, reviewers: reviewers)
    }

    /// Scores and gates one level profile from its findings after waivers. Each reviewer keeps its own
    /// findings (`apply` returns them in input order); a waiver's own finding goes to the reviewer
    /// that owns the waived rule.
    private func decide(
        _ results: RuleResults, _ outcome: WaiverSet.LevelOutcome, analysis: ProfileAnalysis, contentHash: String
    ) -> LevelReview {
        let policy = rubric.policy
        var reports: [ReviewerReport] = []
        var offset = 0
        for (reviewer, ran) in zip(policy.reviewers, results.reviewers) {
            let rules = reviewer.rules.map { $0.description.id }
            var findings = Array(outcome.findings[offset..<offset + ran.findings.count])
            offset += ran.findings.count
            findings += outcome.waiverFindings.filter { rules.contains($0.waivedRule) }.map(\.finding)
            let sorted = Finding.sortedForOutput(findings)
            reports.append(ReviewerReport(
                id: reviewer.id, name: reviewer.name, dimension: reviewer.dimension,
                score: ReviewerScoring.reviewerScore(sorted, penalties: policy.penalties), checksRun: ran.checksRun,
                rules: rules, findings: sorted
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
        let level = analysis.levels[results.levelIndex].level
        return LevelReview(
            id: results.id, file: analysis.profile.file, level: level.code.value,
            decision: decision, scores: scores, minScore: scores.values.min() ?? 1, contentSHA256: contentHash,
            reviewers: reports, findings: findings, gateReasons: reasons
        )
    }
}
