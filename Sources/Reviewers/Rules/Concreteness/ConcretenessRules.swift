extension RuleRegistry {
    /// The Concreteness rules, in the order `explain --list` shows them.
    static let concretenessRules: [any ReviewRule.Type] = [
        LowConcreteShareRule.self, GenericStandInTermsRule.self, VagueLanguageRule.self, MissingActionVerbRule.self,
        BulletLengthRule.self,
    ]
}
