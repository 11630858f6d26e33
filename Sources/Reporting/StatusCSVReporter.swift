import Panel
import ProfileModel

/// `status.csv`: one row per level profile (and per file that did not load) for spreadsheets.
/// RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break. Cells that a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) get a leading `'`.
public enum StatusCSVReporter {
    public static let header = [
        "level_profile", "file", "level", "decision",
    ] + Dimension.allCases.map(\.rawValue) + [
        "min_score", "approval_state", "approval_reasons", "last_approved_at", "approval_rubric_version", "sources",
        "blockers", "majors", "minors", "waived", "failing_rules", "decision_reasons",
    ]

    public static func render(_ report: StatusReport) -> String {
        var rows = [header]
        for level in report.levels {
            let review = level.review
            rows.append(
                [review.id, review.file, review.level, review.decision.rawValue]
                    + Dimension.allCases.map { StatusText.score(review.scores[$0] ?? 1) }
                    + [
                        StatusText.score(review.minScore), level.approval.state.rawValue,
                        level.approval.reasons.joined(separator: "; "), level.approval.lastApprovedAt ?? "",
                        level.approval.rubricVersion ?? "", String(level.sourcesCount),
                        String(level.count(.blocker)), String(level.count(.major)), String(level.count(.minor)),
                        String(level.waived.count), level.failingRules.joined(separator: " "), review.gateReasons.joined(separator: "; "),
                    ]
            )
        }
        for file in report.invalidFiles {
            var row = Array(repeating: "", count: header.count)
            row[0] = file.profileID ?? ""
            row[1] = file.file
            row[3] = Decision.invalid.rawValue
            row[header.count - 1] = file.diagnostics.map { "line \($0.location.line): \($0.message)" }.joined(separator: "; ")
            rows.append(row)
        }
        return rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// One cell: neutralised against formula injection, then quoted if RFC 4180 requires it.
    public static func field(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            value = "'" + value
        }
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return value
        }
        var quoted = "\""
        for scalar in value.unicodeScalars {
            quoted.unicodeScalars.append(scalar)
            if scalar == "\"" { quoted.unicodeScalars.append(scalar) }
        }
        return quoted + "\""
    }
}
