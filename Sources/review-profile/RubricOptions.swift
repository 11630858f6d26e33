import ArgumentParser
import LocatedDocument
import ProfileLoading

/// Options every subcommand that loads profiles shares.
struct RubricOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Rubric directory (schema, level catalogue).", valueName: "dir"))
    var rubric: String?

    @Option(name: .long, help: ArgumentHelp("Largest profile file accepted, in bytes.", valueName: "bytes"))
    var maxFileSize: Int = DocumentLimits.default.maxBytes

    func validate() throws {
        guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be a positive number of bytes") }
    }

    var limits: DocumentLimits {
        var limits = DocumentLimits.default
        limits.maxBytes = maxFileSize
        return limits
    }

    func rubricDirectory(in layout: ProjectLayout) -> String {
        rubric ?? layout.rubricDirectory
    }
}

/// Output formats for result listings.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
