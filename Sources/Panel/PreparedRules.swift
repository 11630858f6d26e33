import ProfileModel
import Reviewers

/// Each rule's parameters and severity override for the run, built once from the panel policy, so
/// the values rules prepare from them (``RuleParameters/prepared(_:_:)``: stems of word lists,
/// compiled phrase sets) are built once per run instead of once per level profile, and no level
/// review looks the policy up again.
struct PreparedRules: Sendable {
    private let settings: [String: (parameters: RuleParameters, severity: Severity?)]

    /// A per-profile rule of one reviewer, with what the LOCAL stage needs to run it worked out once
    /// per rubric instead of per rule and level (the settings are a dictionary look-up by rule id).
    struct LocalRule: Sendable {
        let rule: any ReviewRule.Type
        let description: RuleDescription
        let parameters: RuleParameters
        let severity: Severity?
        let isProfileWide: Bool
    }

    /// Per reviewer, in policy order, its rules that are not corpus rules, in the reviewer's order.
    let localRules: [[LocalRule]]

    /// What a reviewer's report repeats for every level profile, worked out once.
    struct Reviewer: Sendable {
        let id: String
        let name: String
        let dimension: Dimension
        /// The position of `dimension` in `Dimension.allCases`.
        let dimensionIndex: Int
        /// Its rules' ids, in panel order.
        let ruleIDs: [String]
    }

    /// The panel's reviewers, in policy order.
    let reviewers: [Reviewer]

    init(policy: PanelPolicy) {
        var settings: [String: (parameters: RuleParameters, severity: Severity?)] = [:]
        var localRules: [[LocalRule]] = []
        for reviewer in policy.reviewers {
            var rules: [LocalRule] = []
            for rule in reviewer.rules {
                let description = rule.description
                let (parameters, severity) = (policy.parameters(for: description), policy.ruleSettings[description.id]?.severity)
                settings[description.id] = (parameters, severity)
                if !rule.isCorpusRule {
                    rules.append(LocalRule(rule: rule, description: description, parameters: parameters, severity: severity,
                                           isProfileWide: rule.isProfileWide))
                }
            }
            localRules.append(rules)
        }
        self.settings = settings
        self.localRules = localRules
        self.reviewers = policy.reviewers.map { reviewer in
            Reviewer(
                id: reviewer.id, name: reviewer.name, dimension: reviewer.dimension,
                dimensionIndex: Dimension.allCases.firstIndex(of: reviewer.dimension)!, ruleIDs: reviewer.rules.map { $0.description.id }
            )
        }
    }

    func parameters(for description: RuleDescription) -> RuleParameters {
        settings[description.id]?.parameters ?? RuleParameters(declared: description.parameters)
    }

    /// The panel's severity for the rule, when it overrides the rule's default.
    func severity(for description: RuleDescription) -> Severity? {
        settings[description.id]?.severity
    }
}
