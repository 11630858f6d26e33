import Foundation
import _CommandTestSupport

/// A throwaway git repository holding a copy of the bundled Profiles/ and Rubrics/, committed on
/// `main`. Git runs with no system or global configuration (HOME is a fresh directory, identity
/// passed with -c), so the tests do not depend on the machine's git setup.
struct GitFixture {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// Variables a CI runner may set that would change what the tool does.
    static let ciVariables = ["GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_CONFIG_GLOBAL"]

    let base: URL
    let root: URL
    let home: URL

    var environment: [String: String] {
        ["GIT_CONFIG_NOSYSTEM": "1", "HOME": home.path, "SOURCE_DATE_EPOCH": "1795478400", "GIT_AUTHOR_DATE": "2026-11-30T12:00:00Z",
         "GIT_COMMITTER_DATE": "2026-11-30T12:00:00Z", "XDG_CONFIG_HOME": home.path]
    }

    /// A repository with `main` checked out; `git: false` makes a plain directory with the same files.
    init(git: Bool = true, prepare: (GitFixture) throws -> Void = { _ in }) throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("rp-check-\(UUID().uuidString)")
        root = base.appendingPathComponent("repo")
        home = base.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        for folder in ["Profiles", "Rubrics"] {
            try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        try prepare(self)
        if git {
            try self.git("init", "-q", "-b", "main")
            try commitAll("bundled profiles and rubric")
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: base)
    }

    @discardableResult
    func git(_ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Check Test", "-c", "user.email=check@example.invalid",
                             "-c", "commit.gpgsign=false", "-c", "core.autocrlf=false"] + arguments
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        for name in Self.ciVariables { environment.removeValue(forKey: name) }
        environment.merge(self.environment) { $1 }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw FixtureError("git \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return text
    }

    func commitAll(_ message: String) throws {
        try git("add", "-A")
        try git("commit", "-q", "-m", message)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Replaces `old` (which must occur) with `new` in one file.
    func edit(_ path: String, replacing old: String, with new: String) throws {
        let text = try read(path)
        guard text.contains(old) else { throw FixtureError("\(path) does not contain \(old)") }
        try write(path, text.replacingOccurrences(of: old, with: new))
    }

    /// The 1-based line of the first line of `path` containing `needle`.
    func line(of needle: String, in path: String) throws -> Int {
        let lines = try read(path).components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.contains(needle) }) else { throw FixtureError("\(needle) not in \(path)") }
        return index + 1
    }

    /// Runs the built tool in the repository, with the fixture's environment and no CI variables
    /// inherited from whoever runs the tests.
    func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> ToolOutput {
        try ToolProcess.run(arguments, in: root, environment: environment.merging(extra) { $1 }, removing: Self.ciVariables)
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
