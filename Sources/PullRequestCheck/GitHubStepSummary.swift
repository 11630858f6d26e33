import Foundation
import ProfileLoading

/// Appends to the file GitHub Actions names in `GITHUB_STEP_SUMMARY` (the job summary page). The
/// file belongs to the runner and other steps write to it too, so it is appended to, not replaced.
public enum GitHubStepSummary {
    public static let variable = "GITHUB_STEP_SUMMARY"

    /// Appends `markdown` when the variable is set; returns the path written, nil when unset.
    @discardableResult
    public static func append(_ markdown: String, environment: [String: String]) throws(ConfigurationError) -> String? {
        guard let path = environment[variable], !path.isEmpty else { return nil }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard descriptor >= 0 else {
            throw ConfigurationError("cannot open \(variable) file \(path): \(String(cString: strerror(errno)))")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data((markdown + "\n").utf8))
            try handle.close()
        } catch {
            throw ConfigurationError("cannot append to \(variable) file \(path): \(error.localizedDescription)")
        }
        return path
    }
}
