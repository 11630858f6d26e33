/// `sources --format text`: each profile's sources and layer backing, then every problem as
/// `file:line:column: error: message [kind]`, then a one-line verdict. Deterministic.
public enum SourcesTextRenderer {
    public static func render(_ inventory: SourceInventory, links: [LinkCheckResult]? = nil) -> String {
        var output = ""
        for profile in inventory.profiles {
            output += "\(clean(profile.file))  \(clean(profile.id))  \(count(profile.sources.count, "source"))\n"
            for source in profile.sources {
                let supports = source.supports.map(\.value.rawValue).joined(separator: ", ")
                output += "  \(clean(source.id.value))  \(clean(source.url.value))  retrieved \(clean(source.retrieved.value))  supports \(supports)\n"
            }
            let layers = profile.layers.map { backing in
                let ids = backing.sourceIDs.isEmpty ? "none" : backing.sourceIDs.map(clean).joined(separator: " ")
                return "\(backing.layer.rawValue) \(backing.used ? "" : "(unused) ")← \(ids)"
            }
            output += "  layers: \(layers.joined(separator: "; "))\n"
        }
        let problems = SourceProblem.sorted(inventory.problems + (links.map(inventory.linkProblems) ?? []))
        for problem in problems {
            output += "\(clean(problem.file)):\(problem.location.line):\(problem.location.column): error: \(clean(problem.message)) [\(problem.kind.rawValue)]\n"
        }
        if let links {
            let dead = links.count { $0.outcome == .dead }
            let refused = links.count { $0.outcome == .refused }
            output += "checked \(count(links.count, "URL")): \(links.count - dead - refused) ok, \(dead) dead, \(refused) refused\n"
        }
        let sources = inventory.profiles.reduce(0) { $0 + $1.sources.count }
        output += "\(problems.isEmpty ? "PASS" : "FAIL"): \(count(inventory.profiles.count, "profile")), "
            + "\(count(sources, "source")), \(count(inventory.distinctURLs.count, "distinct URL")); "
            + (problems.isEmpty ? "no problems" : count(problems.count, "problem")) + "\n"
        return output
    }

    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// Profile text is untrusted: control characters (ANSI escapes that rewrite a CI log, CR that
    /// hides a line) are shown as `\u{…}` instead of being interpreted by the terminal.
    static func clean(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x20 || (0x7f...0x9f).contains(value) || value == 0x2028 || value == 0x2029 {
                result += "\\u{\(String(value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
