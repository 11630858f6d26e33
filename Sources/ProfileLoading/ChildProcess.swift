import Dispatch
import Foundation

/// Runs one program to completion and captures what it printed: executed directly (arguments as a
/// list, never through a shell), stdin from /dev/null, stderr drained on another thread while
/// stdout is read here so neither pipe can fill up and block the child, and woken by the exit
/// itself — `Process.waitUntilExit` polls its run loop in 50 ms steps on Linux, a visible delay on
/// every short-lived child (each git call of a check).
public enum ChildProcess {
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: Data
        public var stderr: Data
    }

    /// - Parameter standardOutput: receives stdout instead of a pipe (then `Output.stdout` is empty).
    public static func run(
        _ executable: URL, arguments: [String], in directory: URL, environment: [String: String],
        standardOutput: FileHandle? = nil
    ) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = standardOutput ?? stdout
        process.standardError = stderr
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        let errorBox = DataBox()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errorBox.data = stderr.fileHandleForReading.readDataToEndOfFile() }
        let data = standardOutput == nil ? stdout.fileHandleForReading.readDataToEndOfFile() : Data()
        group.wait()
        exited.wait()
        return Output(status: process.terminationStatus, stdout: data, stderr: errorBox.data)
    }

    private final class DataBox: @unchecked Sendable {
        var data = Data()
    }
}
