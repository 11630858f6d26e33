extension RuleRegistry {
    /// The LevelDifferentiation rules, in the order `explain --list` shows them.
    static let levelDifferentiationRules: [any ReviewRule.Type] = []
}
