import Foundation
import _CommandTestSupport

/// Runs the built `review-profile` binary, as a user or CI would, and captures what it prints.
struct CommandRunner {
    /// The package root, found from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func run(_ arguments: [String], in directory: URL = packageRoot, environment: [String: String] = [:]) throws -> ToolOutput {
        try ToolProcess.run(arguments, in: directory, environment: environment)
    }

    /// Fixtures of the loader tests, reused here so both layers see the same files.
    static let loaderFixtures = packageRoot.appendingPathComponent("Tests/ProfileLoadingTests/Fixtures")
}
