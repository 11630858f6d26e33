import Foundation
import ProfileLoading

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
        var merged = ProcessInfo.processInfo.environment
        for name in removing { merged.removeValue(forKey: name) }
        merged.merge(environment) { $1 }
        let output = try ChildProcess.run(executable, arguments: arguments, in: directory, environment: merged)
        return ToolOutput(
            status: output.status, stdout: String(decoding: output.stdout, as: UTF8.self),
            stderr: String(decoding: output.stderr, as: UTF8.self)
        )
    }
}
