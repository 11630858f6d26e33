import ProfileModel

/// Everything a rule says about itself: identity, what it checks and why, its parameters and its
/// examples. One value serves the registry, `review-profile explain`, `docs/rules.md` and the tests.
/// A class: every rule subject and report carries its rule's description, as one reference.
public final class RuleDescription: Sendable {
    /// snake_case, unique across the registry.
    public let id: String
    public let name: String
    public let dimension: Dimension
    /// Severity of its findings unless the rule grades them itself or the rubric overrides it.
    public let defaultSeverity: Severity
    /// What it checks, in one or two sentences.
    public let summary: String
    /// Why an expert panel cares.
    public let rationale: String
    public let parameters: [RuleParameter]
    public let passingExamples: [RuleExample]
    public let failingExamples: [RuleExample]

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
