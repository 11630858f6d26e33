import Panel
import ProfileModel
import Reporting

/// `check` on standard output: what was compared, what changed, the scorecards of the reviewed level
/// profiles, the rubric change's impact, and a one-line verdict as the last line.
public enum CheckTextReporter {
    public static func render(_ result: CheckResult, showInfo: Bool = false) -> String {
        var lines = ["review-profile check: \(result.scope.summary)"]
        let changes = result.changes
        for change in changes.changes {
            var line = "  \(change.status.rawValue.padded(12)) \(change.path)"
            if let previous = change.previousPath { line += " (from \(previous))" }
            lines.append(line)
        }
        for path in changes.removed {
            lines.append("removed profile: \(path) (no longer reviewed)")
        }
        if changes.rubricChanged {
            lines.append("protected rubric path changed: \(changes.rubricFiles.joined(separator: ", ")) — every profile is reviewed")
            for waivers in result.changedWaiverFiles {
                lines.append("  \(waivers) changed: waivers silence findings; the author of this change must not approve it alone")
            }
        }
        if case .changedSince = result.scope, result.run.files.isEmpty {
            lines.append("no profile file changed: nothing to review")
        }
        var output = lines.joined(separator: "\n") + "\n\n"
        output += ReviewTextReporter.scorecards(result.run, showInfo: showInfo)
        if let impact = result.impact {
            output += impactSection(impact, rubric: result.run) + "\n"
        }
        return output + result.verdict + "\n"
    }

    static func impactSection(_ impact: RubricImpact, rubric: ReviewRun) -> String {
        guard let base = impact.baseRubric else {
            return "rubric impact: not available: \(impact.unavailableReason ?? "unknown reason")\n"
        }
        var lines = [
            "rubric impact: base \(base.id) \(base.version) (sha256 \(base.sha256.prefix(12))) → \(rubric.rubricID) \(rubric.rubricVersion) (sha256 \(rubric.rubricSHA256.prefix(12)))",
            "  \(impact.comparedCount) level profiles compared; approved \(impact.approvedBefore) → \(impact.approvedAfter)",
            "  mean score delta: " + Dimension.allCases.map { "\($0.rawValue) \(RubricImpact.format(impact.meanDeltas[$0] ?? 0))" }
                .joined(separator: "  "),
        ]
        let flips = impact.flips
        lines.append(flips.isEmpty ? "  no decision flips" : "  decisions that flip (\(flips.count)):")
        for change in flips {
            lines.append("    \(change.id)  \(change.before.rawValue) → \(change.after.rawValue)  \(change.file)")
        }
        let scoreOnly = impact.changes.filter { !$0.flips }
        if !scoreOnly.isEmpty {
            lines.append("  scores changed without a flip (\(scoreOnly.count)):")
        }
        for change in scoreOnly {
            let deltas = Dimension.allCases.compactMap { dimension -> String? in
                guard let delta = change.delta(dimension), delta != 0 else { return nil }
                return "\(dimension.rawValue) \(RubricImpact.format(delta))"
            }
            lines.append("    \(change.id)  \(change.after.rawValue)  \(deltas.joined(separator: "  "))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    func padded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
