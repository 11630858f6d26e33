extension RuleRegistry {
    /// The RealWorldCoverage rules, in the order `explain --list` shows them.
    static let realWorldCoverageRules: [any ReviewRule.Type] = [
        MissingTopicsRule.self, OnetCoverageRule.self, SkillsNotTraceableRule.self, FewIndependentSourcesRule.self,
    ]
}
