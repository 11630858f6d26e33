import Dispatch
import Foundation

/// One run of `git`: executed directly through `Process` (found on `PATH`, arguments passed as a
/// list, never through a shell, so a ref or path cannot inject a command), with stdout and stderr
/// drained concurrently so neither pipe can fill up and block the child.
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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = standardOutput ?? stdout
        process.standardError = stderr
        // Woken by the exit itself: `waitUntilExit` polls its run loop in 50 ms steps on Linux,
        // which added a visible delay to every git call of a check.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            throw GitError("cannot run \(executable): \(error.localizedDescription)")
        }
        let errorBox = DataBox()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errorBox.data = stderr.fileHandleForReading.readDataToEndOfFile() }
        let data = standardOutput == nil ? stdout.fileHandleForReading.readDataToEndOfFile() : Data()
        group.wait()
        exited.wait()
        return Output(status: process.terminationStatus, stdout: data, stderr: String(decoding: errorBox.data, as: UTF8.self))
    }

    private final class DataBox: @unchecked Sendable {
        var data = Data()
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
