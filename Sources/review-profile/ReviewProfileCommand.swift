import ArgumentParser
import Foundation
import ProfileLoading

@main
struct ReviewProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review-profile",
        abstract: "Review job-architecture profiles like a skeptical expert panel, and gate their approval.",
        discussion: """
            Profiles are YAML (or JSON) files, one per focus, each holding a ladder of levels. \
            The rubric (schema, level catalogue, panel policy) lives in Rubrics/.

            Exit codes (every subcommand):
              0  everything passed
              1  at least one profile failed (invalid, or rejected)
              2  usage or configuration error (unknown flag, missing path, broken schema or rubric)
              3  internal error

            Examples:
              review-profile validate                      # every profile under Profiles/
              review-profile validate --format json Profiles/manufacturing-operations
            """,
        version: ToolInfo.version,
        subcommands: [
            ValidateCommand.self, ReviewCommand.self, ExplainCommand.self, SourcesCommand.self, KeygenCommand.self,
            ApproveCommand.self, VerifyCommand.self, ReportCommand.self, MergeCommand.self, CheckCommand.self,
        ]
    )

    /// Runs the command with the tool's exit-code contract: argument errors exit 2, not 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(with: error)
        }
    }

    private static func exit(with error: Error) -> Never {
        if let exitCode = error as? ExitCode {
            Foundation.exit(exitCode.rawValue)
        }
        if let configuration = error as? ConfigurationError {
            FileHandle.standardError.write(Data("error: \(configuration)\n".utf8))
            Foundation.exit(ExitStatus.configurationError.rawValue)
        }
        let code = exitCode(for: error)
        if code == .success {
            exit(withError: error)  // --help and --version
        }
        if code == .validationFailure {
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(ExitStatus.configurationError.rawValue)
        }
        FileHandle.standardError.write(Data("internal error: \(error)\n".utf8))
        Foundation.exit(ExitStatus.internalError.rawValue)
    }
}
