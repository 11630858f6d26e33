import ProfileModel

/// A rule tries to refute one level profile on one dimension. It is a small value type: its
/// behaviour is code, its thresholds are parameters from the rubric.
public protocol ReviewRule: Sendable {
    static var description: RuleDescription { get }
    init()
    /// Checks the subject's level; `RuleOutcome.checksRun` counts what was examined, so an approval
    /// can say what was attempted and found nothing.
    func check(_ subject: ReviewSubject) -> RuleOutcome
    /// True for rules that run in FINALIZE over the corpus (``CorpusReviewRule`` answers true).
    /// Requirements, not casts: `is any CorpusReviewRule.Type` searched the conformance tables, at
    /// about 170,000 instructions for each rule type's first question.
    static var isCorpusRule: Bool { get }
    /// True for rules the engine runs once per profile (``ProfileWideRule`` answers true).
    static var isProfileWide: Bool { get }
}

extension ReviewRule {
    public static var isCorpusRule: Bool { false }
    public static var isProfileWide: Bool { false }
}

/// What one rule found on one level profile, and how many things it examined.
public struct RuleOutcome: Sendable {
    public var findings: [Finding]
    public var checksRun: Int

    public init(findings: [Finding] = [], checksRun: Int) {
        self.findings = findings
        self.checksRun = checksRun
    }
}
