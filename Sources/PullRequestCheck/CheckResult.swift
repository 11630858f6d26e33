import Panel

/// Everything one `review-profile check` found; every output format renders this one value.
public struct CheckResult: Sendable {
    public var scope: CheckScope
    /// What changed since the base (empty unless the scope is `changedSince`).
    public var changes: ChangedFiles
    /// The review of the files in scope, with the current rubric.
    public var run: ReviewRun
    /// The rubric change's effect on the corpus; nil when the rubric did not change.
    public var impact: RubricImpact?

    public init(scope: CheckScope, changes: ChangedFiles, run: ReviewRun, impact: RubricImpact?) {
        (self.scope, self.changes, self.run, self.impact) = (scope, changes, run, impact)
    }

    /// The gate: no reviewed level profile rejected, no reviewed file invalid.
    public var passed: Bool { run.passed }

    /// Rubric files whose change PR reviewers must look at with particular care: waivers decide
    /// which findings stop counting, so an author must not be able to waive their own quietly.
    public var changedWaiverFiles: [String] {
        changes.rubricFiles.filter { ($0.split(separator: "/").last ?? "").hasPrefix("waivers.") }
    }

    /// The one-line verdict that ends the text output and heads the Markdown summary.
    public var verdict: String {
        let levels = run.levelReviews.count
        let files = run.files.count
        var text = passed ? "PASS" : "FAIL"
        if files == 0 {
            text += ": no profile changed"
            if case .changedSince(let ref, _, _) = scope { text += " since \(ref)" }
        } else {
            text += ": \(levels) level profile\(levels == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s") reviewed: "
                + "\(run.approvedCount) approved, \(run.rejectedCount) rejected, \(run.invalidCount) invalid"
        }
        if !changes.removed.isEmpty { text += "; \(changes.removed.count) removed" }
        if changes.rubricChanged {
            text += "; rubric changed"
            if let impact, impact.unavailableReason == nil {
                let flips = impact.flips.count
                text += " (\(flips) decision\(flips == 1 ? "" : "s") flip)"
            }
        }
        return text
    }
}
