import ProfileLoading

/// Parses the NUL-separated output of `git diff --name-status -z` (and `git ls-files -z`).
///
/// With `-z` git never quotes or escapes paths, so any byte a file name may hold (spaces, newlines,
/// quotes) comes through verbatim. Each record is a status field then one path, or two for renames
/// and copies (`R100 NUL old NUL new`).
public enum NameStatusParser {
    public static func parse(_ output: String) throws(GitError) -> [PathChange] {
        var fields = output.split(separator: "\0", omittingEmptySubsequences: false).map(String.init)
        if fields.last == "" { fields.removeLast() }
        var changes: [PathChange] = []
        var index = 0
        func next() throws(GitError) -> String {
            guard index < fields.count, !fields[index].isEmpty else {
                throw GitError("unexpected output from git diff --name-status -z near record \(changes.count + 1)")
            }
            defer { index += 1 }
            return fields[index]
        }
        while index < fields.count {
            let code = try next()
            switch code.first {
            case "A": changes.append(PathChange(status: .added, path: try next()))
            case "M": changes.append(PathChange(status: .modified, path: try next()))
            case "D": changes.append(PathChange(status: .deleted, path: try next()))
            case "T": changes.append(PathChange(status: .typeChanged, path: try next()))
            case "U", "X": changes.append(PathChange(status: .modified, path: try next()))
            case "R":
                let old = try next()
                changes.append(PathChange(status: .renamed, path: try next(), previousPath: old))
            case "C":
                let old = try next()
                changes.append(PathChange(status: .copied, path: try next(), previousPath: old))
            default:
                throw GitError("unknown status \"\(code)\" in git diff --name-status output")
            }
        }
        return changes
    }

    /// `git ls-files -z` output: one path per NUL-terminated record.
    public static func paths(_ output: String) -> [String] {
        output.split(separator: "\0").map(String.init)
    }
}
