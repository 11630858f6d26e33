import Foundation
import ProfileLoading

/// The commit checked out in the project, for the record's `git_commit`. Git runs through
/// `GitCommand` (found on PATH, arguments passed as a list — no shell), and any failure — no git,
/// not a repository, no commit yet — means "not available", never an error.
public enum GitCommit {
    public static func head(in directory: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard let git = GitCommand(environment: environment),
              let output = try? git.run(["rev-parse", "--verify", "--quiet", "HEAD"], in: directory), output.succeeded else { return nil }
        let commit = output.text.trimmingCharacters(in: .whitespacesAndNewlines)
        // SHA-1 (40) or SHA-256 (64) object names only; anything else is not trusted into a record.
        guard [40, 64].contains(commit.utf8.count), commit.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            return nil
        }
        return commit
    }
}
