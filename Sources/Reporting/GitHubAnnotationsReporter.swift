import Panel
import ProfileModel

/// `review --format github`: GitHub Actions workflow commands, so findings appear inline on the
/// pull request diff.
///
/// One line per finding: `::error file=…,line=…,col=…,title=…::message` for blocker and major,
/// `::warning …` for minor; info findings are skipped. A waived finding is a `::notice` that says
/// who accepted it, until when and why. Each load error of an invalid file is an `::error` titled
/// `load/<code>`, and each stale waiver that fails the run one titled `waiver_unmatched`. The
/// message is escaped as command data (`%`, CR, LF) and the properties additionally escape `:` and
/// `,`, as the Actions runner and `@actions/core` expect, so hostile text cannot end a command early
/// or inject another.
public enum GitHubAnnotationsReporter {
    public static func render(_ run: ReviewRun) -> String {
        var lines: [String] = []
        for file in run.files {
            for diagnostic in Diagnostic.sortedForOutput(file.diagnostics) {
                var message = diagnostic.message
                if let hint = diagnostic.hint, !hint.isEmpty { message += "\nHint: \(hint)" }
                lines.append(command(
                    "error", file: diagnostic.file, line: diagnostic.location.line, column: diagnostic.location.column,
                    title: "\(SARIFReporter.loadRulePrefix)\(diagnostic.code)", message: message
                ))
            }
            for review in file.levels {
                for finding in Finding.sortedForOutput(review.findings) {
                    let name: String
                    switch finding.severity {
                    case .info: continue
                    case _ where finding.isWaived: name = "notice"
                    case .blocker, .major: name = "error"
                    case .minor: name = "warning"
                    }
                    var message = "\(finding.severity.rawValue): \(finding.message) (\(review.id))"
                    if let waiver = finding.waiver {
                        message = "waived \(message)\nWaiver: approved by \(waiver.approvedBy) until \(waiver.expires): \(waiver.reason)"
                    } else if let suggestion = finding.suggestion, !suggestion.isEmpty {
                        message += "\nFix: \(suggestion)"
                    }
                    lines.append(command(
                        name, file: finding.file, line: finding.location.line, column: finding.location.column,
                        title: finding.rule, message: message
                    ))
                }
            }
        }
        for problem in run.failingWaiverProblems {
            let waiver = problem.waiver
            lines.append(command(
                "error", file: waiver.file, line: waiver.location.line, column: waiver.location.column,
                title: problem.rule.id, message: "\(problem.message)\nFix: \(problem.rule.fix)"
            ))
        }
        return lines.map { $0 + "\n" }.joined()
    }

    static func command(_ name: String, file: String, line: Int, column: Int, title: String, message: String) -> String {
        let properties = [("file", file), ("line", String(line)), ("col", String(column)), ("title", title)]
            .map { "\($0.0)=\(escapeProperty($0.1))" }
            .joined(separator: ",")
        return "::\(name) \(properties)::\(escapeData(message))"
    }

    /// Command data (the message): `%` → `%25`, CR → `%0D`, LF → `%0A`.
    public static func escapeData(_ value: String) -> String {
        var output = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "%": output += "%25"
            case "\r": output += "%0D"
            case "\n": output += "%0A"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// A command property value: as data, and also `:` → `%3A`, `,` → `%2C`.
    public static func escapeProperty(_ value: String) -> String {
        var output = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "%": output += "%25"
            case "\r": output += "%0D"
            case "\n": output += "%0A"
            case ":": output += "%3A"
            case ",": output += "%2C"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
