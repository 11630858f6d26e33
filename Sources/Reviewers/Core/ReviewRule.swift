import ProfileModel

/// A rule tries to refute one level profile on one dimension. It is a small value type: its
/// behaviour is code, its thresholds are parameters from the rubric.
public protocol ReviewRule: Sendable {
    static var description: RuleDescription { get }
    init()
    /// Checks the subject's level; `RuleOutcome.checksRun` counts what was examined, so an approval
    /// can say what was attempted and found nothing.
    func check(_ subject: ReviewSubject) -> RuleOutcome
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
