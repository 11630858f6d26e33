import Panel
import ProfileModel

/// `review --format text`: a scorecard per level profile — five scores, the minimum, the decision
/// and why, then findings by severity with `file:line:column` — and a one-line verdict. A waived
/// finding shows `waived` instead of its severity, and who accepted it, until when and why.
public enum ReviewTextReporter {
    public static func render(_ run: ReviewRun, showInfo: Bool = false) -> String {
        scorecards(run, showInfo: showInfo) + verdict(run) + "\n"
    }

    /// Every file's scorecards (or load errors) and the run's waiver problems, without the verdict.
    public static func scorecards(_ run: ReviewRun, showInfo: Bool = false) -> String {
        var output = ""
        for file in run.files {
            if file.isInvalid {
                output += "\(file.profileID ?? file.file)  INVALID  \(file.file)\n"
                for diagnostic in file.diagnostics {
                    output += "  " + ValidationTextReporter.line(for: diagnostic) + "\n"
                }
                output += "\n"
                continue
            }
            for review in file.levels {
                output += scorecard(review, showInfo: showInfo) + "\n"
            }
        }
        return output + waiverProblems(run)
    }

    /// Waivers no reviewed level profile carries: each failing one on its own line, like a compiler
    /// error; those that could not be checked (partial runs) as one count.
    static func waiverProblems(_ run: ReviewRun) -> String {
        var output = ""
        for problem in run.failingWaiverProblems {
            let waiver = problem.waiver
            output += "\(waiver.file):\(waiver.location.line):\(waiver.location.column): error: \(problem.message) [\(problem.rule.id)]\n"
        }
        let unchecked = run.waiverProblems.count - run.failingWaiverProblems.count
        if unchecked > 0 {
            output += "note: \(unchecked) waiver\(unchecked == 1 ? "" : "s") not checked: \(unchecked == 1 ? "its profile is" : "their profiles are") not in this run\n"
        }
        return output.isEmpty ? "" : output + "\n"
    }

    static func scorecard(_ review: LevelReview, showInfo: Bool) -> String {
        var lines = ["\(review.id)  \(review.decision.rawValue.uppercased())  min \(ApprovalGate.format(review.minScore))  \(review.file)"]
        lines.append("  " + Dimension.allCases.map { "\($0.rawValue) \(ApprovalGate.format(review.scores[$0] ?? 1))" }
            .joined(separator: "  "))
        for reason in review.gateReasons {
            lines.append("  gate: \(reason)")
        }
        for finding in review.findings where showInfo || finding.severity != .info {
            let label = finding.isWaived ? "waived" : finding.severity.rawValue
            lines.append("  \(label.padding(7)) \(finding.file):\(finding.location.line):\(finding.location.column) [\(finding.rule)] \(finding.message)")
            lines.append("          evidence: \(quoted(finding.evidence))")
            if let waiver = finding.waiver {
                lines.append("          waived: \(finding.severity.rawValue) finding, approved by \(oneLine(waiver.approvedBy)) until \(waiver.expires) "
                    + "(\(waiver.file):\(waiver.location.line)): \(oneLine(waiver.reason))")
            } else if let suggestion = finding.suggestion {
                lines.append("          suggestion: \(suggestion)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func verdict(_ run: ReviewRun) -> String {
        let levels = run.levelReviews.count
        let verdict = run.passed ? "PASS" : "FAIL"
        var text = "\(verdict): reviewed \(levels) level profile\(levels == 1 ? "" : "s") in \(run.files.count) file\(run.files.count == 1 ? "" : "s"): "
            + "\(run.approvedCount) approved, \(run.rejectedCount) rejected, \(run.invalidCount) invalid"
        let waived = run.waivedCount
        if waived > 0 { text += "; \(waived) finding\(waived == 1 ? "" : "s") waived" }
        let problems = run.failingWaiverProblems.count
        if problems > 0 { text += "; \(problems) stale waiver\(problems == 1 ? "" : "s")" }
        return text
    }

    /// Text on one line: line breaks become spaces.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// Evidence on one line, shortened to keep the scorecard readable.
    static func quoted(_ text: String, limit: Int = 160) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return "\"" + (flat.count > limit ? String(flat.prefix(limit)) + "…" : flat) + "\""
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
