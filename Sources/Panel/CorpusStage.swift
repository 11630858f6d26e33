import ProfileLoading
import ProfileModel
import Reviewers

/// The corpus part of FINALIZE: the index over every profile of the corpus, the neighbourhoods of
/// the reviewed bullets (computed once per run, in parallel), and the corpus rules that turn them
/// into findings on the reviewer that the panel seats each rule on.
public struct CorpusStage: Sendable {
    public let index: CorpusIndex
    let neighbourhoods: [Int: CorpusIndex.Neighbourhood]
    /// Every corpus rule on the panel with its reviewer's index, parameters and severity override,
    /// resolved once per run.
    let rules: [(reviewer: Int, rule: any CorpusReviewRule.Type, parameters: RuleParameters, severity: Severity?)]

    /// - Parameter reviewedKeys: the index keys of the profiles this run reviews (their bullets are queried).
    init(index: CorpusIndex, reviewedKeys: [String], policy: PanelPolicy, prepared: PreparedRules) {
        self.index = index
        var rules: [(reviewer: Int, rule: any CorpusReviewRule.Type, parameters: RuleParameters, severity: Severity?)] = []
        for (reviewerIndex, reviewer) in policy.reviewers.enumerated() {
            for rule in reviewer.rules {
                guard let corpusRule = rule as? any CorpusReviewRule.Type else { continue }
                let description = corpusRule.description
                rules.append((reviewerIndex, corpusRule, prepared.parameters(for: description), prepared.severity(for: description)))
            }
        }
        self.rules = rules
        var clusters: Set<Int> = []
        if !rules.isEmpty {
            for key in reviewedKeys {
                guard let member = index.member(forKey: key) else { continue }
                clusters.formUnion(index.clusters(ofMember: member))
            }
        }
        let ordered = clusters.sorted()
        let found = ordered.parallelMap { index.neighbourhood(ofCluster: $0) }
        self.neighbourhoods = Dictionary(uniqueKeysWithValues: zip(ordered, found))
    }

    /// The corpus rules' outcomes for each level of the profile under `key`, by reviewer index.
    func outcomes(for profile: LocalProfileReview, file: String, key: String) -> [[Int: RuleOutcome]]? {
        guard !rules.isEmpty, let member = index.member(forKey: key) else { return nil }
        return profile.levels.map { level in
            let bullets = profile.bullets.enumerated().filter { $0.element.level == level.code }.map { (index: $0.offset, anchor: $0.element) }
            var outcomes: [Int: RuleOutcome] = [:]
            for (reviewer, rule, parameters, severity) in rules {
                let subject = CorpusSubject(
                    corpus: index, neighbourhoods: neighbourhoods, member: member, file: file, bullets: bullets,
                    parameters: parameters, rule: rule.description, severityOverride: severity
                )
                let outcome = rule.init().check(subject)
                var combined = outcomes[reviewer] ?? RuleOutcome(checksRun: 0)
                combined.findings += outcome.findings
                combined.checksRun += outcome.checksRun
                outcomes[reviewer] = combined
            }
            return outcomes
        }
    }
}
