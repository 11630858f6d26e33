import Panel
import ProfileModel
import Provenance

/// `status.md`: the approval status for a GitHub page or a job summary — the counts, one table row
/// per level profile, the weakest dimensions and the most frequent failing rules. Profile text is
/// escaped (`ReviewMarkdownReporter.escape`) and never put in code spans, where escapes do not work.
public enum StatusMarkdownReporter {
    /// Rules listed before "and N more"; the JSON, CSV and HTML files hold all of them.
    public static let ruleLimit = 10

    public static func render(_ report: StatusReport) -> String {
        var lines = ["# Approval status", ""]
        lines.append(identity(report))
        lines += ["", "## Summary", ""]
        lines += summaryTable(report)
        lines += ["", "## Level profiles", ""]
        lines += levelTable(report)
        lines += attention(report)
        lines += ["", "## Weakest dimensions", ""]
        lines += dimensionTable(report)
        lines += ["", "## Most frequent failing rules", ""]
        lines += ruleTable(report)
        if !report.invalidFiles.isEmpty {
            lines += ["", "## Files that did not load", ""]
            for file in report.invalidFiles {
                let first = file.diagnostics.first.map { ": \(escape($0.message)) (line \($0.location.line))" } ?? ""
                lines.append("- \(escape(file.file)) — \(file.diagnostics.count) error\(file.diagnostics.count == 1 ? "" : "s")\(first)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func identity(_ report: StatusReport) -> String {
        var text = "\(report.levels.count) level profiles in \(report.fileCount) files, reviewed with rubric "
            + "\(escape(report.rubricID)) version \(escape(report.rubricVersion)) (sha256 \(report.rubricSHA256.prefix(12)))."
        if let generatedAt = report.generatedAt { text += " Generated \(escape(generatedAt))." }
        return text
    }

    static func summaryTable(_ report: StatusReport) -> [String] {
        let decisions = [Decision.approved, .rejected, .invalid]
        var lines = [
            "| panel decision | " + decisions.map(\.rawValue).joined(separator: " | ") + " |",
            "|---|" + String(repeating: "---:|", count: decisions.count),
            "| level profiles | " + decisions.map { String(report.count($0)) }.joined(separator: " | ") + " |",
            "",
        ]
        lines += [
            "| approval state | " + ApprovalState.allCases.map(\.rawValue).joined(separator: " | ") + " |",
            "|---|" + String(repeating: "---:|", count: ApprovalState.allCases.count),
            "| level profiles | " + ApprovalState.allCases.map { String(report.count($0)) }.joined(separator: " | ") + " |",
        ]
        lines += ["", "Invalid counts files: a file that does not load has no level profiles to name."]
        if report.waivedCount > 0 {
            lines += ["", "\(report.waivedCount) finding\(report.waivedCount == 1 ? " is" : "s are") waived (Rubrics/waivers.yaml): "
                + "shown in the findings column, costing no points."]
        }
        return lines
    }

    static func levelTable(_ report: StatusReport) -> [String] {
        var lines = [
            "| level profile | " + Dimension.allCases.map(\.title).joined(separator: " | ")
                + " | min | decision | approval | last approved | findings |",
            "|---|" + String(repeating: "---:|", count: Dimension.allCases.count + 1) + "---|---|---|---:|",
        ]
        for level in report.levels {
            let review = level.review
            let scores = Dimension.allCases.map { StatusText.score(review.scores[$0] ?? 1) }.joined(separator: " | ")
            var findings = [Severity.blocker, .major, .minor].compactMap { severity -> String? in
                let count = level.count(severity)
                return count == 0 ? nil : "\(count) \(severity.rawValue)"
            }
            if !level.waived.isEmpty { findings.append("\(level.waived.count) waived") }
            lines.append(
                "| \(escape(review.id)) | \(scores) | \(StatusText.score(review.minScore)) | \(review.decision.rawValue) | "
                    + "\(level.approval.state.rawValue) | \(escape(level.approval.lastApprovedAt ?? "—")) | "
                    + "\(findings.isEmpty ? "0" : findings.joined(separator: ", ")) |"
            )
        }
        return lines
    }

    /// Stale and tampered approvals, with the verifier's reasons: what a reviewer must act on.
    static func attention(_ report: StatusReport) -> [String] {
        let flagged = report.levels.filter { $0.approval.state == .stale || $0.approval.state == .tampered }
        guard !flagged.isEmpty else { return [] }
        var lines = ["", "## Approvals that no longer hold", ""]
        for level in flagged {
            let reasons = level.approval.reasons.map(escape).joined(separator: "; ")
            lines.append("- **\(level.approval.state.rawValue)** \(escape(level.review.id))\(reasons.isEmpty ? "" : ": " + reasons)")
        }
        return lines
    }

    static func dimensionTable(_ report: StatusReport) -> [String] {
        var lines = ["| dimension | mean | lowest | level profiles by score |", "|---|---:|---:|---|"]
        for summary in report.dimensions {
            let spread = zip(StatusReport.DimensionSummary.buckets, summary.distribution)
                .filter { $0.1 > 0 }
                .reversed()
                .map { "\(StatusText.score($0.0)): \($0.1)" }
                .joined(separator: ", ")
            lines.append("| \(summary.dimension.title) | \(StatusText.mean(summary.mean)) | \(StatusText.score(summary.lowest)) | \(spread) |")
        }
        return lines
    }

    static func ruleTable(_ report: StatusReport) -> [String] {
        guard !report.failingRules.isEmpty else { return ["No rule reported a blocker, major or minor finding."] }
        var lines = ["| rule | dimension | findings | level profiles | worst |", "|---|---|---:|---:|---|"]
        for count in report.failingRules.prefix(ruleLimit) {
            lines.append(
                "| \(escape(count.rule)) | \(count.dimension.title) | \(count.findings) | \(count.levelProfiles) | \(count.worstSeverity.rawValue) |"
            )
        }
        if report.failingRules.count > ruleLimit {
            lines += ["", "…and \(report.failingRules.count - ruleLimit) more rules (see status.json)."]
        }
        return lines
    }

    static func escape(_ text: String) -> String { ReviewMarkdownReporter.escape(text) }
}
