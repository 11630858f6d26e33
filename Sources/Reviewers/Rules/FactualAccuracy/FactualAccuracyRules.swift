extension RuleRegistry {
    /// The FactualAccuracy rules, in the order `explain --list` shows them.
    static let factualAccuracyRules: [any ReviewRule.Type] = []
}
