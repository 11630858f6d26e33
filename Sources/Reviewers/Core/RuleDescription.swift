import ProfileModel

/// Everything a rule says about itself: identity, what it checks and why, its parameters and its
/// examples. One value serves the registry, `review-profile explain`, `docs/rules.md` and the tests.
public struct RuleDescription: Sendable {
    /// snake_case, unique across the registry.
    public var id: String
    public var name: String
    public var dimension: Dimension
    /// Severity of its findings unless the rule grades them itself or the rubric overrides it.
    public var defaultSeverity: Severity
    /// What it checks, in one or two sentences.
    public var summary: String
    /// Why an expert panel cares.
    public var rationale: String
    public var parameters: [RuleParameter]
    public var passingExamples: [RuleExample]
    public var failingExamples: [RuleExample]

    public init(
        id: String, name: String, dimension: Dimension, defaultSeverity: Severity, summary: String, rationale: String,
        parameters: [RuleParameter] = [], passingExamples: [RuleExample], failingExamples: [RuleExample]
    ) {
        self.id = id
        self.name = name
        self.dimension = dimension
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.rationale = rationale
        self.parameters = parameters
        self.passingExamples = passingExamples
        self.failingExamples = failingExamples
    }
}
