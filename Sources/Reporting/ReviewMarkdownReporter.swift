import Panel
import ProfileModel

/// `review --format markdown`: a compact table (level profile × five scores × decision), the
/// blocking findings and stale waivers, then the waived findings with who accepted them, until when
/// and why, for a pull request comment or a job summary. Profile and waiver text is escaped so it
/// cannot break the table or inject markup.
public enum ReviewMarkdownReporter {
    public static func render(_ run: ReviewRun) -> String {
        var lines = ["## review-profile: \(run.passed ? "✅ pass" : "❌ fail")", ""]
        lines.append(ReviewTextReporter.verdict(run).replacingCharacters(escape: false))
        lines.append("")
        lines.append("| level profile | " + Dimension.allCases.map(\.title).joined(separator: " | ") + " | min | decision |")
        lines.append("|---|" + String(repeating: "---:|", count: Dimension.allCases.count) + "---:|---|")
        for file in run.files {
            if file.isInvalid {
                lines.append("| \(escape(file.profileID ?? file.file)) |" + String(repeating: " |", count: Dimension.allCases.count) + " | invalid |")
                continue
            }
            for review in file.levels {
                let scores = Dimension.allCases.map { ApprovalGate.format(review.scores[$0] ?? 1) }.joined(separator: " | ")
                lines.append("| `\(escape(review.id))` | \(scores) | \(ApprovalGate.format(review.minScore)) | \(review.decision.rawValue) |")
            }
        }
        let blocking = run.levelReviews.flatMap { review in
            review.findings.filter { !$0.isWaived && ($0.severity == .blocker || $0.severity == .major) }.map { (review.id, $0) }
        }
        let invalid = run.files.filter(\.isInvalid)
        let staleWaivers = run.failingWaiverProblems
        if !blocking.isEmpty || !invalid.isEmpty || !staleWaivers.isEmpty {
            lines += ["", "### Findings to fix", ""]
            for file in invalid {
                for diagnostic in file.diagnostics {
                    lines.append("- **invalid** `\(escape(diagnostic.file)):\(diagnostic.location.line):\(diagnostic.location.column)` \(escape(diagnostic.message))")
                }
            }
            for (id, finding) in blocking {
                var line = "- **\(finding.severity.rawValue)** `\(escape(id))` `\(escape(finding.file)):\(finding.location.line)` "
                    + "(\(finding.rule)) \(escape(finding.message))"
                if let suggestion = finding.suggestion { line += " — \(escape(suggestion))" }
                lines.append(line)
            }
            for problem in staleWaivers {
                let waiver = problem.waiver
                lines.append("- **stale waiver** `\(escape(waiver.file)):\(waiver.location.line)` (\(problem.rule.id)) \(escape(problem.message))")
            }
        }
        lines += waived(run)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The findings accepted by a waiver: still shown, with who accepted them, until when and why.
    static func waived(_ run: ReviewRun) -> [String] {
        let waived = run.levelReviews.flatMap { review in review.findings.filter(\.isWaived).map { (review.id, $0) } }
        let unchecked = run.waiverProblems.count - run.failingWaiverProblems.count
        guard !waived.isEmpty || unchecked > 0 else { return [] }
        var lines = ["", "### Waived findings", ""]
        for (id, finding) in waived {
            guard let waiver = finding.waiver else { continue }
            lines.append(
                "- **waived \(finding.severity.rawValue)** `\(escape(id))` `\(escape(finding.file)):\(finding.location.line)` "
                    + "(\(finding.rule)) \(escape(finding.message)) — approved by \(escape(waiver.approvedBy)) until \(waiver.expires): "
                    + escape(waiver.reason)
            )
        }
        if unchecked > 0 {
            if !waived.isEmpty { lines.append("") }
            lines.append("\(unchecked) waiver\(unchecked == 1 ? "" : "s") not checked: \(unchecked == 1 ? "its profile is" : "their profiles are") not in this run.")
        }
        return lines
    }

    /// Escapes Markdown and HTML metacharacters so profile text renders as text.
    public static func escape(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "\n", "\r": output += " "
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "&": output += "&amp;"
            case "|", "\\", "`", "*", "_", "[", "]", "#": output += "\\" + String(character)
            default: output.append(character)
            }
        }
        return output
    }
}

private extension String {
    func replacingCharacters(escape: Bool) -> String { escape ? ReviewMarkdownReporter.escape(self) : self }
}
