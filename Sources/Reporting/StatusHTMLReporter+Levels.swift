import Panel
import ProfileModel

/// The per-level-profile part of `status.html`: one block each, with the scores, decision, approval
/// evidence and every blocker, major and minor finding; waived ones are marked, with who accepted
/// them, until when and why.
extension StatusHTMLReporter {
    /// Anchor of a level profile's block. Positional, so hostile ids never reach an attribute.
    static func anchor(_ index: Int) -> String { "level-\(index + 1)" }

    static func levelSections(_ report: StatusReport) -> String {
        var html = "<section aria-labelledby=\"levels\">\n<h2 id=\"levels\">Level profiles</h2>\n"
        if report.levels.isEmpty { html += "<p>No level profiles were reviewed.</p>\n" }
        for (index, level) in report.levels.enumerated() {
            html += levelSection(level, anchor: anchor(index))
        }
        return html + "</section>\n"
    }

    static func levelSection(_ level: StatusReport.LevelStatus, anchor: String) -> String {
        let review = level.review
        let approval = level.approval
        var html = "<article class=\"level\" id=\"\(anchor)\" aria-labelledby=\"\(anchor)-title\">\n"
        html += "<h3 id=\"\(anchor)-title\"><span class=\"id\">\(h(review.id))</span> "
            + "<span class=\"badge \(review.decision.rawValue)\">panel: \(review.decision.rawValue)</span> "
            + "<span class=\"badge \(approval.state.rawValue)\">approval: \(approval.state.rawValue)</span></h3>\n"
        html += "<p class=\"file\"><code>\(h(review.file))</code> · level \(h(review.level))</p>\n"
        html += "<div class=\"scroll\">\n<table>\n<thead><tr>"
        for dimension in Dimension.allCases {
            html += "<th scope=\"col\">\(h(dimension.title))</th>"
        }
        html += "<th scope=\"col\">min</th><th scope=\"col\">decision</th><th scope=\"col\">approval</th>"
            + "<th scope=\"col\">last approved</th><th scope=\"col\">rubric version</th><th scope=\"col\" class=\"num\">sources</th>"
            + "</tr></thead>\n<tbody><tr>"
        for dimension in Dimension.allCases {
            html += scoreCell(review.scores[dimension] ?? 1)
        }
        html += scoreCell(review.minScore)
        html += "<td>\(review.decision.rawValue)</td><td>\(approval.state.rawValue)</td>"
            + "<td>\(h(approval.lastApprovedAt ?? "never"))</td><td>\(h(approval.rubricVersion ?? "—"))</td>"
            + "<td class=\"num\">\(level.sourcesCount)</td></tr></tbody>\n</table>\n</div>\n"
        html += reasons("Why the panel decided so", review.gateReasons)
        html += reasons("Approval", approval.reasons)
        html += findings(level.findings, waived: level.waived)
        return html + "</article>\n"
    }

    static func scoreCell(_ score: Double) -> String {
        "<td class=\"score \(StatusHTMLStyle.scoreClass(score))\">\(StatusText.score(score))</td>"
    }

    static func reasons(_ title: String, _ lines: [String]) -> String {
        guard !lines.isEmpty else { return "" }
        return "<p><strong>\(h(title)):</strong></p>\n<ul>\n" + lines.map { "<li>\(h($0))</li>\n" }.joined() + "</ul>\n"
    }

    static func findings(_ findings: [Finding], waived: [Finding] = []) -> String {
        guard !findings.isEmpty || !waived.isEmpty else { return "<p class=\"note\">No blocker, major or minor findings.</p>\n" }
        var html = "<table class=\"findings\">\n<thead><tr><th scope=\"col\">severity</th><th scope=\"col\">rule</th>"
            + "<th scope=\"col\">where</th><th scope=\"col\">message</th><th scope=\"col\">evidence</th></tr></thead>\n<tbody>\n"
        for finding in findings {
            html += "<tr><td class=\"sev-\(finding.severity.rawValue)\">\(finding.severity.rawValue)</td>"
                + "<td class=\"rule\"><code>\(h(finding.rule))</code></td><td><code>\(h(StatusText.position(finding)))</code></td>"
                + "<td>\(h(finding.message))</td><td class=\"evidence\">\(h(finding.evidence))</td></tr>\n"
        }
        for finding in waived {
            guard let waiver = finding.waiver else { continue }
            html += "<tr class=\"waived\"><td class=\"sev-waived\">waived \(finding.severity.rawValue)</td>"
                + "<td class=\"rule\"><code>\(h(finding.rule))</code></td><td><code>\(h(StatusText.position(finding)))</code></td>"
                + "<td>\(h(finding.message)) <em>Waived: approved by \(h(waiver.approvedBy)) until \(h(waiver.expires)): "
                + "\(h(waiver.reason))</em></td><td class=\"evidence\">\(h(finding.evidence))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }
}
