import LocatedDocument
import ProfileModel

/// What one rule sees when it checks one level profile: the analysed profile, which level is under
/// review, the rubric's knowledge, and the rule's own parameters.
public struct ReviewSubject: Sendable {
    public var analysis: ProfileAnalysis
    public var levelIndex: Int
    public var knowledge: ReviewKnowledge
    public var parameters: RuleParameters
    public var rule: RuleDescription
    /// The rubric's severity override for this rule, if any.
    public var severityOverride: Severity?
    /// Shared by the subjects of one profile review (see ``ReviewMemo``).
    public var memo: ReviewMemo

    public init(
        analysis: ProfileAnalysis, levelIndex: Int, knowledge: ReviewKnowledge, parameters: RuleParameters,
        rule: RuleDescription, severityOverride: Severity? = nil, memo: ReviewMemo = ReviewMemo()
    ) {
        self.analysis = analysis
        self.levelIndex = levelIndex
        self.knowledge = knowledge
        self.parameters = parameters
        self.rule = rule
        self.severityOverride = severityOverride
        self.memo = memo
    }

    public var profile: Profile { analysis.profile }
    public var level: LevelAnalysis { analysis.levels[levelIndex] }
    /// Levels below the one under review, lowest first.
    public var lowerLevels: ArraySlice<LevelAnalysis> { analysis.levels[..<levelIndex] }
    public var previousLevel: LevelAnalysis? { levelIndex > 0 ? analysis.levels[levelIndex - 1] : nil }

    /// The severity a finding of this rule gets: the rubric's override, else what the rule asks for,
    /// else the rule's default.
    public func severity(_ requested: Severity? = nil) -> Severity {
        severityOverride ?? requested ?? rule.defaultSeverity
    }

    /// A finding about a piece of analysed text.
    public func finding(
        _ message: String, about text: AnalyzedText, evidence: String? = nil, severity: Severity? = nil,
        suggestion: String? = nil
    ) -> Finding {
        finding(message, at: text.location, pointer: text.pointer, evidence: evidence ?? text.text,
                severity: severity, suggestion: suggestion)
    }

    /// A finding about any node of the profile.
    public func finding(
        _ message: String, at location: SourceLocation, pointer: JSONPointer?, evidence: String,
        severity: Severity? = nil, suggestion: String? = nil
    ) -> Finding {
        Finding(
            rule: rule.id, dimension: rule.dimension, severity: self.severity(severity), message: message,
            file: profile.file, location: location, pointer: pointer, evidence: evidence, suggestion: suggestion
        )
    }
}
