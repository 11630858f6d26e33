import Panel
import ProfileLoading
import ProfileModel

/// `review --format junit`: JUnit XML as CI systems (GitHub, GitLab, Jenkins, Azure) read it.
///
/// `<testsuites>` holds one `<testsuite name="<file>">` per file and one
/// `<testcase classname="<profile id>" name="<level profile id>">` per level profile. A rejected level
/// profile has a `<failure type="rejected">` whose text lists its blocker, major and minor findings
/// (severity, rule, `file:line:column`, message) and the gate's reasons; a file that could not be
/// loaded is one test case with an `<error type="invalid">` listing its load errors. Waived findings
/// are not failures: they are listed in the test case's `<system-out>` with who accepted them, until
/// when and why. Stale waivers that fail the run are one more suite, named after the waivers file,
/// with a failing test case each. All text is escaped, and characters XML 1.0 forbids are dropped, so
/// hostile profile text stays well-formed.
public enum JUnitReporter {
    public static func render(_ run: ReviewRun) -> String {
        var suites: [String] = []
        for file in run.files {
            suites.append(file.isInvalid ? invalidSuite(file) : suite(file))
        }
        let staleWaivers = run.failingWaiverProblems
        if !staleWaivers.isEmpty { suites.append(waiverSuite(staleWaivers)) }
        let tests = run.files.reduce(0) { $0 + ($1.isInvalid ? 1 : $1.levels.count) } + staleWaivers.count
        let failures = run.rejectedCount + staleWaivers.count
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            "<testsuites name=\(attribute(ToolInfo.name)) tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(run.invalidCount)\">",
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
            let sorted = Finding.sortedForOutput(review.findings).filter { $0.severity != .info }
            let waived = sorted.filter(\.isWaived).compactMap { finding in
                finding.waiver.map { "waived \(finding.severity.rawValue) \(line(finding)) (approved by \($0.approvedBy) until \($0.expires): \($0.reason))" }
            }
            let systemOut = waived.isEmpty ? [] : ["      <system-out>\(text(waived.joined(separator: "\n")))</system-out>"]
            guard review.decision != .approved else {
                lines += systemOut.isEmpty ? [open + "/>"] : [open + ">"] + systemOut + ["    </testcase>"]
                continue
            }
            var body = sorted.filter { !$0.isWaived }.map { "\($0.severity.rawValue) \(line($0))" }
            body += review.gateReasons.map { "gate: \($0)" }
            let message = review.gateReasons.isEmpty ? "\(review.id) was \(review.decision.rawValue)" : review.gateReasons.joined(separator: "; ")
            lines.append(open + ">")
            lines.append("      <failure message=\(attribute(message)) type=\"\(review.decision.rawValue)\">\(text(body.joined(separator: "\n")))</failure>")
            lines += systemOut
            lines.append("    </testcase>")
        }
        lines.append("  </testsuite>")
        return lines.joined(separator: "\n")
    }

    /// `rule file:line:column: message`, as a failure lists a finding.
    static func line(_ finding: Finding) -> String {
        "\(finding.rule) \(finding.file):\(finding.location.line):\(finding.location.column): \(finding.message)"
    }

    /// Stale waivers no level profile carries: one failing test case each, in a suite named after the waivers file.
    static func waiverSuite(_ problems: [WaiverProblem]) -> String {
        let file = problems[0].waiver.file
        var lines = ["  <testsuite name=\(attribute(file)) tests=\"\(problems.count)\" failures=\"\(problems.count)\" errors=\"0\">"]
        for problem in problems {
            let waiver = problem.waiver
            let body = "\(problem.rule.id) \(waiver.file):\(waiver.location.line):\(waiver.location.column): \(problem.message)"
            lines.append("    <testcase classname=\"waivers\" name=\(attribute(waiver.title))>")
            lines.append("      <failure message=\(attribute(problem.message)) type=\"\(problem.rule.id)\">\(text(body))</failure>")
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
