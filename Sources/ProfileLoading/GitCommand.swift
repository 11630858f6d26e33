import Foundation

/// One run of `git` (the pull request check, the approval records' commit), found on `PATH` and
/// run through `ChildProcess`: arguments as a list, never through a shell, so a ref or path cannot
/// inject a command.
public struct GitCommand: Sendable {
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: Data
        public var stderr: String

        public var succeeded: Bool { status == 0 }
        public var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    public var executable: String
    public var environment: [String: String]

    /// Finds `git` on the `PATH` of `environment`; nil when there is none.
    public init?(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        guard let git = path.split(separator: ":").lazy.filter({ $0.hasPrefix("/") })
            .map({ $0 + "/git" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        self.executable = git
        // Never prompt (credentials, pagers) in a CI check.
        var environment = environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_PAGER"] = "cat"
        self.environment = environment
    }

    /// Runs `git <arguments>` in `directory`; `standardOutput`, when given, receives stdout instead of a pipe.
    public func run(_ arguments: [String], in directory: String, standardOutput: FileHandle? = nil) throws(GitError) -> Output {
        do {
            let output = try ChildProcess.run(
                URL(fileURLWithPath: executable), arguments: arguments, in: URL(fileURLWithPath: directory),
                environment: environment, standardOutput: standardOutput
            )
            return Output(status: output.status, stdout: output.stdout, stderr: String(decoding: output.stderr, as: UTF8.self))
        } catch {
            throw GitError("cannot run \(executable): \(error.localizedDescription)")
        }
    }
}

/// Git could not be run, or refused a request; the message is git's own when it gave one.
public struct GitError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
