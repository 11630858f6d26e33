import ProfileLoading
import ProfileModel
import Reviewers

/// Runs the panel in two stages.
///
/// - LOCAL (`local`): every reviewer's per-profile rules on one loaded profile — findings and checks
///   per reviewer. It depends only on the file's bytes and the rubric parts the profile uses, so its
///   result is what the review cache stores.
/// - FINALIZE (`finalize`): adds corpus-level findings (rules that look at other files), applies the
///   waivers (to all levels of a profile at once), then scores each reviewer by the policy's
///   arithmetic, and the gate decides.
public struct ReviewEngine: Sendable {
    public var rubric: ReviewRubric {
        didSet { prepared = PreparedRules(policy: rubric.policy) }
    }
    /// Every rule's parameters for the run (the corpus stage uses them too).
    private(set) var prepared: PreparedRules

    public init(rubric: ReviewRubric) {
        self.rubric = rubric
        self.prepared = PreparedRules(policy: rubric.policy)
    }

    /// Reviews every file the loader produced, without corpus findings; files that did not load are
    /// reported as invalid. (`ReviewSession` streams files from disk, with the cache and the corpus.)
    /// - Parameter coverage: whether these are all the project's profiles, which decides whether a
    ///   waiver naming a profile outside the run is stale (see `WaiverProblem`).
    public func review(_ results: [FileCheckResult], coverage: ReviewCoverage = .selection) -> ReviewRun {
        run(results.parallelMap { finalize(local($0)) }, coverage: coverage)
    }

    /// A run of finished file reviews, with the waivers that no reviewed level profile carries.
    public func run(_ files: [FileReview], coverage: ReviewCoverage) -> ReviewRun {
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

    /// Reviews every level of one loaded profile, without corpus findings.
    public func review(_ profile: Profile) -> [LevelReview] {
        finalize(LocalFileReview(file: profile.file, outcome: .profile(local(profile)))).levels
    }

    // MARK: LOCAL

    /// The LOCAL stage of one loader result.
    public func local(_ result: FileCheckResult) -> LocalFileReview {
        guard let profile = result.profile, result.isValid else {
            return LocalFileReview(file: result.file, outcome: .invalid(result.diagnostics))
        }
        return LocalFileReview(file: result.file, outcome: .profile(local(profile)))
    }

    /// Every reviewer's per-profile rules on every level of one profile.
    public func local(_ profile: Profile) -> LocalProfileReview {
        let analysis = ProfileAnalysis(profile: profile, knowledge: rubric.knowledge)
        let memo = ReviewMemo()
        let levels = analysis.levels.indices.map { levelIndex in
            LocalLevelReview(
                code: analysis.levels[levelIndex].level.code.value,
                reviewers: localReviewers(analysis, levelIndex: levelIndex, memo: memo)
            )
        }
        var anchors: [BulletAnchor] = []
        for level in analysis.levels {
            for bullet in level.bullets {
                anchors.append(BulletAnchor(level: level.level.code.value, text: bullet.text, location: bullet.location, pointer: bullet.pointer))
            }
        }
        let corpus = CorpusProfile(profile: profile, scheme: rubric.corpusScheme)
        return LocalProfileReview(
            profileID: profile.id.value, domain: profile.domain?.value, contentSHA256: ContentHash.of(profile.document),
            unsourcedLayers: ProvenanceCheck.unsourcedLayers(profile).map(\.rawValue), sourceCount: profile.sources.count,
            levels: levels, corpus: corpus, bullets: anchors
        )
    }

    /// Every reviewer's LOCAL findings on one level. A profile-wide rule runs on the first level it
    /// meets; `memo` keeps its outcome for the other levels.
    private func localReviewers(_ analysis: ProfileAnalysis, levelIndex: Int, memo: ReviewMemo) -> [LocalLevelReview.Reviewer] {
        guard let first = prepared.localRules.first(where: { !$0.isEmpty })?.first else {
            return prepared.localRules.map { _ in LocalLevelReview.Reviewer(findings: [], checksRun: 0) }
        }
        // One subject per level, its rule-specific fields replaced rule by rule: building a subject
        // retains every reference it holds, replacing a field only that field's.
        var subject = ReviewSubject(
            analysis: analysis, levelIndex: levelIndex, knowledge: rubric.knowledge, parameters: first.parameters,
            rule: first.description, severityOverride: first.severity, memo: memo
        )
        var reviewers: [LocalLevelReview.Reviewer] = []
        reviewers.reserveCapacity(prepared.localRules.count)
        for rules in prepared.localRules {
            var findings: [Finding] = []
            var checks = 0
            for local in rules {
                subject.parameters = local.parameters
                subject.rule = local.description
                subject.severityOverride = local.severity
                let outcome: RuleOutcome
                if local.isProfileWide {
                    let current = subject
                    outcome = memo.value(rule: local.description.id, level: ReviewMemo.profileWideOutcome) { local.rule.init().check(current) }
                } else {
                    outcome = local.rule.init().check(subject)
                }
                findings += outcome.findings
                checks += outcome.checksRun
            }
            reviewers.append(LocalLevelReview.Reviewer(findings: Finding.sortedForOutput(findings), checksRun: checks))
        }
        return reviewers
    }

    // MARK: FINALIZE

    /// Scores and gates one file's LOCAL result. `corpus`, when given, adds the corpus rules' findings
    /// for the profile indexed there under `corpusKey`.
    public func finalize(_ local: LocalFileReview, corpus: CorpusStage? = nil, corpusKey: String? = nil) -> FileReview {
        guard let profile = local.profile else {
            guard case .invalid(let diagnostics) = local.outcome else { fatalError("unreachable") }
            return FileReview(file: local.file, profileID: nil, levels: [], diagnostics: diagnostics)
        }
        let corpusOutcomes = corpusKey.flatMap { corpus?.outcomes(for: profile, file: local.file, key: $0) }
        let ran = profile.levels.indices.map { levelIndex in
            ruleResults(profile, levelIndex: levelIndex, corpusOutcomes: corpusOutcomes?[levelIndex] ?? [:])
        }
        // Waivers apply here, to all levels at once (a profile-wide waiver is unmatched only when no
        // level has a finding it accepts), after every rule (corpus rules too) ran and before any score.
        let outcomes = rubric.waivers.apply(
            to: zip(profile.levels, ran).map { level, reviewers in
                WaiverSet.LevelFindings(levelProfileID: "\(profile.profileID).\(level.code)", findings: reviewers.flatMap(\.findings))
            },
            profileID: profile.profileID, today: rubric.knowledge.today
        )
        let levels = profile.levels.indices.map { levelIndex in
            decide(profile, levelIndex: levelIndex, file: local.file, ran: ran[levelIndex], outcome: outcomes[levelIndex])
        }
        var review = FileReview(file: local.file, profileID: profile.profileID, levels: levels, diagnostics: [])
        review.sourceCount = profile.sourceCount
        return review
    }

    /// Each reviewer's findings (LOCAL plus corpus, sorted) and checks on one level, before waivers.
    private func ruleResults(
        _ profile: LocalProfileReview, levelIndex: Int, corpusOutcomes: [Int: RuleOutcome]
    ) -> [(findings: [Finding], checksRun: Int)] {
        let level = profile.levels[levelIndex]
        return rubric.policy.reviewers.indices.map { reviewerIndex in
            let local = level.reviewers[reviewerIndex]
            guard let extra = corpusOutcomes[reviewerIndex] else { return (local.findings, local.checksRun) }
            return (Finding.sortedForOutput(local.findings + extra.findings), local.checksRun + extra.checksRun)
        }
    }

    /// Scores and gates one level profile from its findings after waivers. Each reviewer keeps its own
    /// findings (`apply` returns them in input order); a waiver's own finding goes to the reviewer
    /// that owns the waived rule.
    private func decide(
        _ profile: LocalProfileReview, levelIndex: Int, file: String,
        ran: [(findings: [Finding], checksRun: Int)], outcome: WaiverSet.LevelOutcome
    ) -> LevelReview {
        let policy = rubric.policy
        let level = profile.levels[levelIndex]
        var reports: [ReviewerReport] = []
        reports.reserveCapacity(ran.count)
        // Per dimension, the sum and count of its reviewers' scores (no report is copied to score it).
        var scoreSums = [Int](repeating: 0, count: Dimension.allCases.count)
        var scoreCounts = [Int](repeating: 0, count: Dimension.allCases.count)
        var offset = 0
        for reviewerIndex in ran.indices {
            let reviewer = prepared.reviewers[reviewerIndex]
            let result = ran[reviewerIndex]
            var findings = Array(outcome.findings[offset..<offset + result.findings.count])
            offset += result.findings.count
            if !outcome.waiverFindings.isEmpty {
                let waiverFindings = outcome.waiverFindings.filter { reviewer.ruleIDs.contains($0.waivedRule) }.map(\.finding)
                if !waiverFindings.isEmpty {
                    findings = Finding.sortedForOutput(findings + waiverFindings)
                }
            }
            let score = ReviewerScoring.reviewerScore(findings, penalties: policy.penalties)
            scoreSums[reviewer.dimensionIndex] += score
            scoreCounts[reviewer.dimensionIndex] += 1
            reports.append(ReviewerReport(
                id: reviewer.id, name: reviewer.name, dimension: reviewer.dimension, score: score, checksRun: result.checksRun,
                rules: reviewer.ruleIDs, findings: findings
            ))
        }
        var scores: [Dimension: Double] = [:]
        for (dimensionIndex, dimension) in Dimension.allCases.enumerated() {
            scores[dimension] = ReviewerScoring.dimensionScore(sum: scoreSums[dimensionIndex], count: scoreCounts[dimensionIndex])
        }
        let findings = Finding.sortedForOutput(reports.flatMap(\.findings))
        let (decision, reasons) = ApprovalGate.decide(
            scores: scores, findings: findings, unsourcedLayers: profile.unsourcedLayers, gate: policy.gate
        )
        return LevelReview(
            id: "\(profile.profileID).\(level.code)", file: file, level: level.code,
            decision: decision, scores: scores, minScore: scores.values.min() ?? 1, contentSHA256: profile.contentSHA256,
            reviewers: reports, findings: findings, gateReasons: reasons
        )
    }
}
