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

    init(policy: PanelPolicy) {
        var settings: [String: (parameters: RuleParameters, severity: Severity?)] = [:]
        for reviewer in policy.reviewers {
            for rule in reviewer.rules {
                let description = rule.description
                settings[description.id] = (policy.parameters(for: description), policy.ruleSettings[description.id]?.severity)
            }
        }
        self.settings = settings
        self.localRules = policy.reviewers.map { reviewer in
            reviewer.rules.filter { !$0.isCorpusRule }.map { rule in
                let description = rule.description
                let setting = settings[description.id]
                return LocalRule(
                    rule: rule, description: description,
                    parameters: setting?.parameters ?? RuleParameters(declared: description.parameters),
                    severity: setting?.severity, isProfileWide: rule.isProfileWide
                )
            }
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
