import LocatedDocument
import ProfileLoading

/// What `review-profile verify` prints: pure functions from statuses to text.
public struct VerificationReport: Sendable {
    public var statuses: [ApprovalStatus]
    /// Files that did not load, so their level profiles cannot be named or verified.
    public var invalidFiles: [String]
    public var rubricID: String
    public var rubricVersion: String
    public var rubricSHA256: String

    public init(statuses: [ApprovalStatus], invalidFiles: [String], rubricID: String, rubricVersion: String, rubricSHA256: String) {
        self.statuses = statuses
        self.invalidFiles = invalidFiles
        self.rubricID = rubricID
        self.rubricVersion = rubricVersion
        self.rubricSHA256 = rubricSHA256
    }

    public func count(_ state: ApprovalState) -> Int { statuses.count { $0.state == state } }

    /// Exit 1 when anything is tampered; with `strict`, also when anything is stale, unapproved or invalid.
    public func failed(strict: Bool) -> Bool {
        count(.tampered) > 0 || (strict && (count(.stale) > 0 || count(.unapproved) > 0 || !invalidFiles.isEmpty))
    }

    public var summary: String {
        "verified \(statuses.count) level profiles: "
            + ApprovalState.allCases.map { "\(count($0)) \($0.rawValue)" }.joined(separator: ", ")
            + (invalidFiles.isEmpty ? "" : "; \(invalidFiles.count) files invalid")
    }

    /// One line per level profile (`state  id  file  why`); further reasons indented below.
    public func text() -> String {
        let width = statuses.map(\.levelProfileID.count).max() ?? 0
        var lines: [String] = []
        for status in statuses {
            let state = status.state.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
            let id = status.levelProfileID.padding(toLength: width, withPad: " ", startingAt: 0)
            var why = status.reasons.first ?? ""
            if status.state == .approved, let at = status.lastApprovedAt {
                why = "approved \(at), rubric \(status.rubricVersion ?? "?")"
            }
            lines.append("\(state)  \(id)  \(status.file)  \(why)")
            lines += status.reasons.dropFirst().map { "            \($0)" }
        }
        lines += invalidFiles.map { "\($0): error: cannot be loaded, so it cannot be verified (run review-profile validate)" }
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }

    /// A stable document: same records and profiles, same bytes.
    public func json() -> String {
        let levels: [JSONValue] = statuses.map { status in
            .object([
                ("id", .string(status.levelProfileID)),
                ("file", .string(status.file)),
                ("state", .string(status.state.rawValue)),
                ("reasons", .array(status.reasons.map(JSONValue.string))),
                ("last_approved_at", status.lastApprovedAt.map(JSONValue.string) ?? .null),
                ("rubric_version", status.rubricVersion.map(JSONValue.string) ?? .null),
            ])
        }
        let document = JSONValue.object([
            ("tool", .object([("name", .string(ToolInfo.name)), ("version", .string(ToolInfo.version))])),
            ("rubric", .object([("id", .string(rubricID)), ("version", .string(rubricVersion)), ("sha256", .string(rubricSHA256))])),
            ("level_profiles", .array(levels)),
            ("invalid_files", .array(invalidFiles.map(JSONValue.string))),
            ("summary", .object(ApprovalState.allCases.map { ($0.rawValue, .int(count($0))) })),
        ])
        return document.prettySerialized() + "\n"
    }
}
