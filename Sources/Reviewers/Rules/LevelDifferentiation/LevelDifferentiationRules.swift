extension RuleRegistry {
    /// The LevelDifferentiation rules, in the order `explain --list` shows them.
    static let levelDifferentiationRules: [any ReviewRule.Type] = [
        MissingLevelsRule.self, TooFewBulletsRule.self, YearsNotRisingRule.self, PayNotRisingRule.self, IncompleteLadderDataRule.self,
        NearDuplicateBulletsRule.self, NearDuplicateGuidelinesRule.self, LowerLevelScopeTermsRule.self,
        ScopeNotEscalatingRule.self, DecisionRightsNotRisingRule.self,
    ]
}
