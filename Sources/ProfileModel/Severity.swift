/// How much a finding matters. A `blocker` stops approval by itself; the others cost reviewer points
/// as `Rubrics/panel.yaml` says; `info` records what was checked and costs nothing.
public enum Severity: String, Sendable, CaseIterable, Comparable, Codable {
    case blocker
    case major
    case minor
    case info

    /// Most severe first.
    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
