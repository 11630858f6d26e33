import ProfileModel
import Reviewers

/// `Rubrics/panel.yaml`: who sits on each dimension's panel, how findings become scores, the rules'
/// parameters, and the approval gate. Policy is data, so a rubric change is a reviewed diff.
public struct PanelPolicy: Sendable {
    public struct Gate: Sendable {
        public var minDimensionScore: Double
        public var requireCompleteProvenance: Bool
        public var blockingSeverities: Set<Severity>
    }

    /// One reviewer: a named group of rules on one dimension, looking at one kind of evidence.
    public struct Reviewer: Sendable {
        public var id: String
        public var name: String
        public var evidence: String
        public var dimension: Dimension
        public var rules: [any ReviewRule.Type]
    }

    public struct RuleSettings: Sendable {
        public var severity: Severity?
        public var parameters: RuleParameters
    }

    public var id: String
    public var version: String
    public var gate: Gate
    /// Points a reviewer loses per finding of each severity.
    public var penalties: [Severity: Double]
    /// Reviewers in dimension order, then file order.
    public var reviewers: [Reviewer]
    /// Settings for every rule on the panel, by rule id.
    public var ruleSettings: [String: RuleSettings]

    /// A rule's parameters as the panel states them, or the rule's declared defaults.
    public func parameters(for description: RuleDescription) -> RuleParameters {
        ruleSettings[description.id]?.parameters ?? RuleParameters(declared: description.parameters)
    }

    public func reviewers(on dimension: Dimension) -> [Reviewer] {
        reviewers.filter { $0.dimension == dimension }
    }
}
