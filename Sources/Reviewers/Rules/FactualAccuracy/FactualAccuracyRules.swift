extension RuleRegistry {
    /// The FactualAccuracy rules, in the order `explain --list` shows them.
    static let factualAccuracyRules: [any ReviewRule.Type] = [
        PayOrderRule.self, PayImplausibleRule.self, YearsOutsideCatalogueRule.self, ExperienceTextMismatchRule.self,
        LevelNameMismatchRule.self, UnknownClassificationCodeRule.self, ClassificationLevelFitRule.self,
        EntityMisattributionRule.self, SourceDateInvalidRule.self, UnsourcedLayerRule.self, UnusedSourceRule.self,
    ]
}
