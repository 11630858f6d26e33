/// Every rule the tool has, grouped by dimension. The rubric (`Rubrics/panel.yaml`) decides which
/// rules sit on which reviewer; a test checks that ids are unique and every rule is placed.
public enum RuleRegistry {
    public static let all: [any ReviewRule.Type] =
        levelDifferentiationRules + focusSpecificityRules + concretenessRules + factualAccuracyRules
        + realWorldCoverageRules

    public static func rule(id: String) -> (any ReviewRule.Type)? {
        byID[id]
    }

    private static let byID: [String: any ReviewRule.Type] = {
        var byID: [String: any ReviewRule.Type] = [:]
        for rule in all where byID[rule.description.id] == nil {
            byID[rule.description.id] = rule
        }
        return byID
    }()
}
