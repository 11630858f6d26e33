import Reviewers

/// Each rule's parameters for the run, built once from the panel policy, so the values rules
/// prepare from them (``RuleParameters/prepared(_:_:)``: stems of word lists, compiled phrase
/// sets) are built once per run instead of once per level profile.
struct PreparedRules: Sendable {
    private let parameters: [String: RuleParameters]

    init(policy: PanelPolicy) {
        var parameters: [String: RuleParameters] = [:]
        for reviewer in policy.reviewers {
            for rule in reviewer.rules {
                let description = rule.description
                parameters[description.id] = policy.ruleSettings[description.id]?.parameters
                    ?? RuleParameters(declared: description.parameters)
            }
        }
        self.parameters = parameters
    }

    func parameters(for description: RuleDescription) -> RuleParameters {
        parameters[description.id] ?? RuleParameters(declared: description.parameters)
    }
}
