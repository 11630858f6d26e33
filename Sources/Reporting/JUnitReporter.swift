import Panel
import ProfileLoading
import ProfileModel

/// `review --format junit`: JUnit XML as CI systems (GitHub, GitLab, Jenkins, Azure) read it.
///
/// `<testsuites>` holds one `<testsuite name="<file>">` per file and one
/// `<testcase classname="<profile id>" name="<level profile id>">` per level profile. A rejected level
/// profile has a `<failure type="rejected">` whose text lists its blocker, major and minor findings
/// (severity, rule, `file:line:column`, message) and the gate's reasons; a file that could not be
/// loaded is one test case with an `<error type="invalid">` listing its load errors. All text is
/// escaped, and characters XML 1.0 forbids are dropped, so hostile profile text stays well-formed.
public enum JUnitReporter {
    public static func render(_ run: ReviewRun) -> String {
        var suites: [String] = []
        for file in run.files {
            suites.append(file.isInvalid ? invalidSuite(file) : suite(file))
        }
        let tests = run.files.reduce(0) { $0 + ($1.isInvalid ? 1 : $1.levels.count) }
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            "<testsuites name=\(attribute(ToolInfo.name)) tests=\"\(tests)\" failures=\"\(run.rejectedCount)\" errors=\"\(run.invalidCount)\">",
        ]
        lines += suites
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    static func suite(_ file: FileReview) -> String {
        let failures = file.levels.count { $0.decision != .approved }
        var lines = ["  <testsuite name=\(attribute(file.file)) tests=\"\(file.levels.count)\" failures=\"\(failures)\" errors=\"0\">"]
        for review in file.levels {
            let open = "    <testcase classname=\(attribute(file.profileID ?? file.file)) name=\(attribute(review.id))"
            guard review.decision != .approved else {
                lines.append(open + "/>")
                continue
            }
            let findings = Finding.sortedForOutput(review.findings).filter { $0.severity != .info }
            var body = findings.map { finding in
                "\(finding.severity.rawValue) \(finding.rule) \(finding.file):\(finding.location.line):\(finding.location.column): \(finding.message)"
            }
            body += review.gateReasons.map { "gate: \($0)" }
            let message = review.gateReasons.isEmpty ? "\(review.id) was \(review.decision.rawValue)" : review.gateReasons.joined(separator: "; ")
            lines.append(open + ">")
            lines.append("      <failure message=\(attribute(message)) type=\"\(review.decision.rawValue)\">\(text(body.joined(separator: "\n")))</failure>")
            lines.append("    </testcase>")
        }
        lines.append("  </testsuite>")
        return lines.joined(separator: "\n")
    }

    static func invalidSuite(_ file: FileReview) -> String {
        let diagnostics = Diagnostic.sortedForOutput(file.diagnostics)
        let body = diagnostics.map { diagnostic in
            var line = "\(diagnostic.file):\(diagnostic.location.line):\(diagnostic.location.column): \(diagnostic.code): \(diagnostic.message)"
            if let hint = diagnostic.hint, !hint.isEmpty { line += " (hint: \(hint))" }
            return line
        }
        let message = diagnostics.count == 1 ? "1 load error" : "\(diagnostics.count) load errors"
        return [
            "  <testsuite name=\(attribute(file.file)) tests=\"1\" failures=\"0\" errors=\"1\">",
            "    <testcase classname=\(attribute(file.profileID ?? file.file)) name=\(attribute(file.file))>",
            "      <error message=\(attribute(message)) type=\"invalid\">\(text(body.joined(separator: "\n")))</error>",
            "    </testcase>",
            "  </testsuite>",
        ].joined(separator: "\n")
    }

    // MARK: - Escaping

    /// A quoted attribute value: markup characters and quotes as entities, whitespace that attribute
    /// normalisation would flatten as character references, forbidden characters dropped.
    public static func attribute(_ value: String) -> String {
        "\"" + escape(value, inAttribute: true) + "\""
    }

    /// Element text: markup characters as entities (so `]]>` cannot occur), forbidden characters dropped.
    public static func text(_ value: String) -> String {
        escape(value, inAttribute: false)
    }

    /// Whether XML 1.0 allows the character at all (`Char` production).
    public static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    static func escape(_ value: String, inAttribute: Bool) -> String {
        var output = ""
        output.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars where isAllowedInXML(scalar) {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            case "\r": output += "&#13;"
            case "\n" where inAttribute: output += "&#10;"
            case "\t" where inAttribute: output += "&#9;"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
