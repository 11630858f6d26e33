import ProfileLoading
import ProfileModel

/// `validate --format text`: one line per problem, `file:line:column: error: message (pointer)`,
/// the shape compilers use so editors and CI log viewers link straight to the spot; then a verdict.
public enum ValidationTextReporter {
    public static func render(_ results: [FileCheckResult]) -> String {
        var output = ""
        for result in results {
            for diagnostic in result.diagnostics {
                output += line(for: diagnostic) + "\n"
            }
        }
        output += verdict(results) + "\n"
        return output
    }

    public static func line(for diagnostic: Diagnostic) -> String {
        var text = "\(diagnostic.file):\(diagnostic.location.line):\(diagnostic.location.column): error: \(diagnostic.message)"
        if let hint = diagnostic.hint { text += "; \(hint)" }
        if let pointer = diagnostic.pointer { text += " (\(pointer.description.isEmpty ? "/" : pointer.description))" }
        return text
    }

    public static func verdict(_ results: [FileCheckResult]) -> String {
        let invalid = results.invalidCount
        let files = results.count == 1 ? "1 file" : "\(results.count) files"
        return invalid == 0
            ? "validated \(files): all valid"
            : "validated \(files): \(results.validCount) valid, \(invalid) invalid"
    }
}
