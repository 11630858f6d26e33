extension RuleRegistry {
    /// The FocusSpecificity rules, in the order `explain --list` shows them.
    static let focusSpecificityRules: [any ReviewRule.Type] = [
        LowDomainVocabularyRule.self, NoDomainPackRule.self, GenericBoilerplateRule.self, SiblingBleedRule.self,
        KeywordStuffingRule.self, CrossCorpusBoilerplateRule.self,
    ]
}
