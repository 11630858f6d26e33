import LocatedDocument

/// One point a reviewer makes against a level profile: which rule, how bad, where, and the evidence.
///
/// A value with its fields in one shared, copy-on-write box: findings are copied many times on
/// their way from a rule to a report (sorted, merged per level, waived, scored), and a copy is then
/// one reference count instead of one for each of its strings.
public struct Finding: Sendable, Equatable {
    // @unchecked: a box is shared only while no copy mutates it (every setter copies a shared box first).
    private final class Storage: @unchecked Sendable {
        var rule: String
        var dimension: Dimension
        var severity: Severity
        var message: String
        var file: String
        var location: SourceLocation
        var pointer: JSONPointer?
        var evidence: String
        var suggestion: String?
        var waiver: AppliedWaiver?

        init(
            rule: String, dimension: Dimension, severity: Severity, message: String, file: String, location: SourceLocation,
            pointer: JSONPointer?, evidence: String, suggestion: String?, waiver: AppliedWaiver?
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

        func copy() -> Storage {
            Storage(
                rule: rule, dimension: dimension, severity: severity, message: message, file: file, location: location, pointer: pointer,
                evidence: evidence, suggestion: suggestion, waiver: waiver
            )
        }
    }

    private var storage: Storage

    /// The box, copied first when another finding shares it.
    private var uniqueStorage: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    /// snake_case rule id, e.g. `near_duplicate_bullets`.
    public var rule: String {
        get { storage.rule }
        set { uniqueStorage.rule = newValue }
    }
    public var dimension: Dimension {
        get { storage.dimension }
        set { uniqueStorage.dimension = newValue }
    }
    public var severity: Severity {
        get { storage.severity }
        set { uniqueStorage.severity = newValue }
    }
    public var message: String {
        get { storage.message }
        set { uniqueStorage.message = newValue }
    }
    public var file: String {
        get { storage.file }
        set { uniqueStorage.file = newValue }
    }
    public var location: SourceLocation {
        get { storage.location }
        set { uniqueStorage.location = newValue }
    }
    /// The JSON pointer of the node the finding is about, when there is one.
    public var pointer: JSONPointer? {
        get { storage.pointer }
        set { uniqueStorage.pointer = newValue }
    }
    /// The offending text, quoted from the profile.
    public var evidence: String {
        get { storage.evidence }
        set { uniqueStorage.evidence = newValue }
    }
    /// A concrete way to fix it, when the rule can say.
    public var suggestion: String? {
        get { storage.suggestion }
        set { uniqueStorage.suggestion = newValue }
    }
    /// Set when a waiver in `Rubrics/waivers.yaml` accepts this finding: it is still reported, but
    /// costs no points and does not block the gate.
    public var waiver: AppliedWaiver? {
        get { storage.waiver }
        set { uniqueStorage.waiver = newValue }
    }

    public init(
        rule: String, dimension: Dimension, severity: Severity, message: String, file: String,
        location: SourceLocation, pointer: JSONPointer? = nil, evidence: String, suggestion: String? = nil,
        waiver: AppliedWaiver? = nil
    ) {
        storage = Storage(
            rule: rule, dimension: dimension, severity: severity, message: message, file: file, location: location, pointer: pointer,
            evidence: evidence, suggestion: suggestion, waiver: waiver
        )
    }

    public static func == (lhs: Finding, rhs: Finding) -> Bool {
        if lhs.storage === rhs.storage { return true }
        let (a, b) = (lhs.storage, rhs.storage)
        return a.rule == b.rule && a.dimension == b.dimension && a.severity == b.severity && a.message == b.message && a.file == b.file
            && a.location == b.location && a.pointer == b.pointer && a.evidence == b.evidence && a.suggestion == b.suggestion
            && a.waiver == b.waiver
    }

    /// Whether a waiver accepts this finding (it then costs no points and blocks nothing).
    public var isWaived: Bool { waiver != nil }

    /// Reading order for reports: most severe first, then by file (a level profile's findings are in
    /// its own file, except those about its waivers), position, rule and message.
    public static func sortedForOutput(_ findings: [Finding]) -> [Finding] {
        guard findings.count > 1 else { return findings }
        return findings.sorted { lhs, rhs in
            let (lhs, rhs) = (lhs.storage, rhs.storage)
            if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
            if lhs.file != rhs.file { return lhs.file < rhs.file }
            if lhs.location != rhs.location { return lhs.location < rhs.location }
            if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
            return lhs.message < rhs.message
        }
    }
}
