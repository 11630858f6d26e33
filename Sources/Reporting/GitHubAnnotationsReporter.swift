import Panel
import ProfileModel

/// `review --format github`: GitHub Actions workflow commands, so findings appear inline on the
/// pull request diff.
///
/// One line per finding: `::error file=…,line=…,col=…,title=…::message` for blocker and major,
/// `::warning …` for minor; info findings are skipped. Each load error of an invalid file is an
/// `::error` titled `load/<code>`. The message is escaped as command data (`%`, CR, LF) and the
/// properties additionally escape `:` and `,`, as the Actions runner and `@actions/core` expect, so
/// hostile text cannot end a command early or inject another.
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
                    case .blocker, .major: name = "error"
                    case .minor: name = "warning"
                    case .info: continue
                    }
                    var message = "\(finding.severity.rawValue): \(finding.message) (\(review.id))"
                    if let suggestion = finding.suggestion, !suggestion.isEmpty { message += "\nFix: \(suggestion)" }
                    lines.append(command(
                        name, file: finding.file, line: finding.location.line, column: finding.location.column,
                        title: finding.rule, message: message
                    ))
                }
            }
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
