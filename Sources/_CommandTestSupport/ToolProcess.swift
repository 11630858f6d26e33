import Dispatch
import Foundation

/// What one run of the `review-profile` binary printed, and how it exited.
public struct ToolOutput: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Test support shared by the end-to-end test targets: runs the built `review-profile` binary as a
/// user or CI would. Not part of the product (hence the `_` prefix).
public enum ToolProcess {
    /// The executable beside the test bundle (the same build directory, whatever `--scratch-path` was).
    public static let executable: URL = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        for directory in candidates {
            let url = directory.appendingPathComponent("review-profile")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return URL(fileURLWithPath: ".build/debug/review-profile")
    }()

    /// Runs the tool in `directory` with the current environment plus `environment`, minus `removing`.
    public static func run(
        _ arguments: [String], in directory: URL, environment: [String: String] = [:], removing: [String] = []
    ) throws -> ToolOutput {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var merged = ProcessInfo.processInfo.environment
        for name in removing { merged.removeValue(forKey: name) }
        merged.merge(environment) { $1 }
        process.environment = merged
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Drain stderr on another thread while stdout is read here, so neither pipe can fill up
        // and block the child.
        let errorBox = DataBox()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errorBox.data = stderr.fileHandleForReading.readDataToEndOfFile() }
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ToolOutput(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errorBox.data, as: UTF8.self)
        )
    }

    private final class DataBox: @unchecked Sendable {
        var data = Data()
    }
}
