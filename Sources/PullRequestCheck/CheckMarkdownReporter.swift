import Panel
import ProfileModel
import Reporting

/// The check's Markdown summary — for `--markdown`, `$GITHUB_STEP_SUMMARY` and the sticky pull
/// request comment (`render` is the one function a comment poster needs). A compact table (level
/// profile × five scores × decision), the blocking findings with `file:line`, the rubric change and
/// its impact, and removed files. Profile text is escaped so it cannot break the table or inject markup.
public enum CheckMarkdownReporter {
    /// A hidden marker that identifies the comment this tool owns, so it can be updated in place.
    public static let commentMarker = "<!-- review-profile:check -->"

    public static func render(_ result: CheckResult) -> String {
        let run = result.run
        var lines = [commentMarker, "## review-profile check: \(result.passed ? "✅ pass" : "❌ fail")", ""]
        lines.append(escape(result.verdict))
        lines.append("")
        lines.append("Reviewed: \(escape(result.scope.summary)).")
        if !run.files.isEmpty {
            lines += ["", "| level profile | " + Dimension.allCases.map(\.title).joined(separator: " | ") + " | min | decision |"]
            lines.append("|---|" + String(repeating: "---:|", count: Dimension.allCases.count) + "---:|---|")
            for file in run.files {
                if file.isInvalid {
                    lines.append("| \(code(file.profileID ?? file.file)) |" + String(repeating: " |", count: Dimension.allCases.count)
                        + " | **invalid** |")
                    continue
                }
                for review in file.levels {
                    let scores = Dimension.allCases.map { ApprovalGate.format(review.scores[$0] ?? 1) }.joined(separator: " | ")
                    let decision = review.decision == .approved ? "approved" : "**\(review.decision.rawValue)**"
                    lines.append("| \(code(review.id)) | \(scores) | \(ApprovalGate.format(review.minScore)) | \(decision) |")
                }
            }
        }
        lines += blockingFindings(run)
        if result.changes.rubricChanged {
            lines += ["", "### ⚠️ Protected rubric path changed", ""]
            lines += result.changes.rubricFiles.map { "- \(code($0))" }
            if !result.changedWaiverFiles.isEmpty {
                lines += ["", "Waivers changed: a waived finding stops counting, so this change needs a reviewer other than its author."]
            }
            if let impact = result.impact { lines += impactSection(impact) }
        }
        if !result.changes.removed.isEmpty {
            lines += ["", "### Removed profiles", ""]
            lines += result.changes.removed.map { "- \(code($0))" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func blockingFindings(_ run: ReviewRun) -> [String] {
        let invalid = run.files.filter(\.isInvalid)
        let blocking = run.levelReviews.filter { $0.decision != .approved }.flatMap { review in
            review.findings.filter { $0.severity == .blocker || $0.severity == .major }.map { (review, $0) }
        }
        guard !blocking.isEmpty || !invalid.isEmpty else { return [] }
        var lines = ["", "### Findings to fix", ""]
        for file in invalid {
            for diagnostic in Diagnostic.sortedForOutput(file.diagnostics) {
                lines.append("- **invalid** \(code("\(diagnostic.file):\(diagnostic.location.line):\(diagnostic.location.column)")) "
                    + "(\(code(diagnostic.code))) \(escape(diagnostic.message))")
            }
        }
        for (review, finding) in blocking {
            var line = "- **\(finding.severity.rawValue)** \(code("\(finding.file):\(finding.location.line)")) \(code(review.id)) "
                + "(\(code(finding.rule))) \(escape(finding.message))"
            if let suggestion = finding.suggestion, !suggestion.isEmpty { line += " — \(escape(suggestion))" }
            lines.append(line)
        }
        return lines
    }

    static func impactSection(_ impact: RubricImpact) -> [String] {
        var lines = ["", "#### Impact of the rubric change", ""]
        guard impact.baseRubric != nil else {
            return lines + ["Not available: \(escape(impact.unavailableReason ?? "unknown reason"))."]
        }
        lines.append("\(impact.comparedCount) level profiles compared; approved \(impact.approvedBefore) → \(impact.approvedAfter). "
            + "Mean score delta: " + Dimension.allCases.map { "\($0.title) \(RubricImpact.format(impact.meanDeltas[$0] ?? 0))" }
            .joined(separator: ", ") + ".")
        guard !impact.changes.isEmpty else { return lines + ["", "No score or decision changes."] }
        lines += ["", "| level profile | before | after | " + Dimension.allCases.map { "Δ \($0.title)" }.joined(separator: " | ") + " |"]
        lines.append("|---|---|---|" + String(repeating: "---:|", count: Dimension.allCases.count))
        for change in impact.flips + impact.changes.filter({ !$0.flips }) {
            let deltas = Dimension.allCases.map { change.delta($0).map(RubricImpact.format) ?? "–" }.joined(separator: " | ")
            let after = change.flips ? "**\(change.after.rawValue)**" : change.after.rawValue
            lines.append("| \(code(change.id)) | \(change.before.rawValue) | \(after) | \(deltas) |")
        }
        return lines
    }

    static func escape(_ text: String) -> String {
        ReviewMarkdownReporter.escape(text)
    }

    /// A code span. Backslash escapes do not work inside one, so a backtick becomes `'`, a line break
    /// a space, and `|` is escaped (GitHub tables split on it even inside code); markup inside a code
    /// span is shown literally, so nothing else needs escaping.
    public static func code(_ text: String) -> String {
        var output = "`"
        for character in text {
            switch character {
            case "`": output += "'"
            case "\n", "\r", "\r\n": output += " "
            case "|": output += "\\|"
            default: output.append(character)
            }
        }
        return output + "`"
    }
}
