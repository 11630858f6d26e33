import Foundation
import ProfileLoading

/// The git repository a check runs in: resolving the base, listing what changed since it, and
/// reading the base's tree. Every call runs git with the repository's top level as its working
/// directory, so every path git prints is relative to the top level.
public struct GitRepository: Sendable {
    public var git: GitCommand
    /// The canonical absolute path of the working tree's top level.
    public var topLevel: String

    /// The repository containing `directory`; nil when git is missing or `directory` is not in a work tree.
    public static func open(at directory: String, git: GitCommand?) -> GitRepository? {
        guard let git, let output = try? git.run(["rev-parse", "--show-toplevel"], in: directory), output.succeeded else {
            return nil
        }
        let top = output.text.trimmingCharacters(in: .newlines)
        guard !top.isEmpty else { return nil }
        return GitRepository(git: git, topLevel: Self.canonical(top))
    }

    public init(git: GitCommand, topLevel: String) {
        (self.git, self.topLevel) = (git, topLevel)
    }

    /// The commit `ref` names; a configuration error (exit 2) when it names none.
    public func commit(for ref: String) throws(ConfigurationError) -> String {
        // A ref starting with "-" would be read as an option.
        guard !ref.isEmpty, !ref.hasPrefix("-") else {
            throw ConfigurationError("invalid base ref \"\(ref)\"", hint: "give a branch, tag or commit, e.g. --base origin/main")
        }
        let output = try run(["rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"])
        guard output.succeeded else {
            throw ConfigurationError(
                "base ref \"\(ref)\" does not name a commit in \(topLevel)",
                hint: "check the spelling, or fetch it first (git fetch origin main; in GitHub Actions use actions/checkout with fetch-depth: 0)"
            )
        }
        return output.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether `ref` names a commit (for optional defaults such as `origin/main`).
    public func hasCommit(_ ref: String) -> Bool {
        (try? commit(for: ref)) != nil
    }

    /// The best common ancestor of `commit` and HEAD: what the branch started from.
    public func mergeBase(_ commit: String, ref: String) throws(ConfigurationError) -> String {
        let output = try run(["merge-base", commit, "HEAD"])
        guard output.succeeded else {
            throw ConfigurationError(
                "no common ancestor between base \"\(ref)\" and HEAD",
                hint: "the history may be shallow: fetch the full history (actions/checkout with fetch-depth: 0)"
            )
        }
        return output.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// What changed since `base`: with `includeWorkingTree`, the working tree (staged and unstaged
    /// edits) against `base` plus untracked files under `untrackedUnder`; otherwise `base` against HEAD
    /// (what `git diff base...HEAD` shows when `base` is the merge base). Sorted by path.
    public func changes(since base: String, includeWorkingTree: Bool, untrackedUnder: [String]) throws(ConfigurationError) -> [PathChange] {
        var arguments = ["diff", "--name-status", "-M", "-z", "--no-ext-diff", base]
        if !includeWorkingTree { arguments.append("HEAD") }
        arguments += ["--"]
        let diff = try run(arguments)
        guard diff.succeeded else { throw ConfigurationError("git diff failed: \(diff.stderr.trimmingCharacters(in: .whitespacesAndNewlines))") }
        var changes: [PathChange]
        do throws(GitError) {
            changes = try NameStatusParser.parse(diff.text)
        } catch {
            throw ConfigurationError(error.message)
        }
        if includeWorkingTree, !untrackedUnder.isEmpty {
            let untracked = try run(["ls-files", "--others", "--exclude-standard", "--full-name", "-z", "--"] + untrackedUnder)
            if untracked.succeeded {
                changes += NameStatusParser.paths(untracked.text).map { PathChange(status: .untracked, path: $0) }
            }
        }
        return changes.sorted { ($0.path, $0.previousPath ?? "") < ($1.path, $1.previousPath ?? "") }
    }

    /// Writes the tree of `path` at `commit` into `directory` (`git archive | tar -x`, two processes
    /// joined by a pipe, no shell). Returns false when `path` does not exist at `commit`.
    public func extract(_ path: String, at commit: String, into directory: String) throws(ConfigurationError) -> Bool {
        let listing = try run(["ls-tree", "--name-only", commit, "--", path])
        guard listing.succeeded, !listing.text.isEmpty else { return false }
        guard let tarPath = ["/usr/bin/tar", "/bin/tar", "/usr/local/bin/tar"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw ConfigurationError("tar not found (needed to read the base rubric)")
        }
        let pipe = Pipe()
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: tarPath)
        tar.arguments = ["-x", "-f", "-", "-C", directory]
        tar.standardInput = pipe.fileHandleForReading
        tar.standardError = FileHandle.nullDevice
        do {
            try tar.run()
        } catch {
            throw ConfigurationError("cannot run tar: \(error.localizedDescription)")
        }
        let archive = try run(["archive", "--format=tar", commit, "--", path], standardOutput: pipe.fileHandleForWriting)
        try? pipe.fileHandleForWriting.close()
        tar.waitUntilExit()
        guard archive.succeeded, tar.terminationStatus == 0 else {
            throw ConfigurationError("cannot extract \(path) at \(commit): \(archive.stderr.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return true
    }

    /// `absolute` relative to the top level, or nil when it lies outside the repository.
    public func relativePath(of absolute: String) -> String? {
        let canonical = Self.canonical(absolute)
        if canonical == topLevel { return "" }
        let prefix = topLevel.hasSuffix("/") ? topLevel : topLevel + "/"
        return canonical.hasPrefix(prefix) ? String(canonical.dropFirst(prefix.count)) : nil
    }

    private func run(_ arguments: [String], standardOutput: FileHandle? = nil) throws(ConfigurationError) -> GitCommand.Output {
        do throws(GitError) {
            return try git.run(arguments, in: topLevel, standardOutput: standardOutput)
        } catch {
            throw ConfigurationError(error.message)
        }
    }

    /// The path with symlinks resolved (`/tmp` → `/private/tmp` on macOS); unchanged when it does not exist.
    static func canonical(_ path: String) -> String {
        guard let pointer = realpath(path, nil) else { return (path as NSString).standardizingPath }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
