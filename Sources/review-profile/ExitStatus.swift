import ArgumentParser

/// The exit codes every subcommand shares.
enum ExitStatus: Int32 {
    case passed = 0
    case profilesFailed = 1
    case configurationError = 2
    case internalError = 3

    var exitCode: ExitCode { ExitCode(rawValue) }
}
