import ProfileModel
import Reviewers

/// Each rule's parameters and severity override for the run, built once from the panel policy, so
/// the values rules prepare from them (``RuleParameters/prepared(_:_:)``: stems of word lists,
/// compiled phrase sets) are built once per run instead of once per level profile, and no level
/// review looks the policy up again.
struct PreparedRules: Sendable {
    private let settings: [String: (parameters: RuleParameters, severity: Severity?)]

    init(policy: PanelPolicy) {
        var settings: [String: (parameters: RuleParameters, severity: Severity?)] = [:]
        for reviewer in policy.reviewers {
            for rule in reviewer.rules {
                let description = rule.description
                settings[description.id] = (policy.parameters(for: description), policy.ruleSettings[description.id]?.severity)
            }
        }
        self.settings = settings
    }

    func parameters(for description: RuleDescription) -> RuleParameters {
        settings[description.id]?.parameters ?? RuleParameters(declared: description.parameters)
    }

    /// The panel's severity for the rule, when it overrides the rule's default.
    func severity(for description: RuleDescription) -> Severity? {
        settings[description.id]?.severity
    }
}
