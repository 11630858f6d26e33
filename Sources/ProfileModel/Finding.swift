import LocatedDocument

/// One point a reviewer makes against a level profile: which rule, how bad, where, and the evidence.
public struct Finding: Sendable, Equatable {
    /// snake_case rule id, e.g. `near_duplicate_bullets`.
    public var rule: String
    public var dimension: Dimension
    public var severity: Severity
    public var message: String
    public var file: String
    public var location: SourceLocation
    /// The JSON pointer of the node the finding is about, when there is one.
    public var pointer: JSONPointer?
    /// The offending text, quoted from the profile.
    public var evidence: String
    /// A concrete way to fix it, when the rule can say.
    public var suggestion: String?
    /// Set when a waiver in `Rubrics/waivers.yaml` accepts this finding: it is still reported, but
    /// costs no points and does not block the gate.
    public var waiver: AppliedWaiver?

    public init(
        rule: String, dimension: Dimension, severity: Severity, message: String, file: String,
        location: SourceLocation, pointer: JSONPointer? = nil, evidence: String, suggestion: String? = nil,
        waiver: AppliedWaiver? = nil
    ) {
        self.rule = rule
        self.dimension = dimension
        self.severity = severity
        self.message = message
        self.file = file
        self.location = location
        self.pointer = pointer
        self.evidence = evidence
        self.suggestion = suggestion
        self.waiver = waiver
    }

    /// Whether a waiver accepts this finding (it then costs no points and blocks nothing).
    public var isWaived: Bool { waiver != nil }

    /// Reading order for reports: most severe first, then by file (a level profile's findings are in
    /// its own file, except those about its waivers), position, rule and message.
    public static func sortedForOutput(_ findings: [Finding]) -> [Finding] {
        findings.sorted { lhs, rhs in
            if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
            if lhs.file != rhs.file { return lhs.file < rhs.file }
            if lhs.location != rhs.location { return lhs.location < rhs.location }
            if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
            return lhs.message < rhs.message
        }
    }
}
