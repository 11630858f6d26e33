extension RuleRegistry {
    /// The RealWorldCoverage rules, in the order `explain --list` shows them.
    static let realWorldCoverageRules: [any ReviewRule.Type] = []
}
