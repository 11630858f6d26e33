import ArgumentParser
import Foundation
import ProfileLoading
import Reporting

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check that profiles load: YAML syntax, hostile-input limits, schema, level catalogue.",
        discussion: """
            Directories are searched recursively for *.yaml, *.yml and *.json (hidden entries skipped). \
            Each problem is reported as file:line:column with the JSON pointer of the offending value; \
            one bad file never stops the others.

            With --schema, any JSON or YAML documents are validated against any JSON Schema \
            (draft 2020-12), so the validator can be used on its own; the level catalogue is not consulted.

            Examples:
              review-profile validate
              review-profile validate Profiles/manufacturing-operations --format json
              review-profile validate --schema Rubrics/levels.schema.json Rubrics/levels.yaml
            """
    )

    @Argument(help: ArgumentHelp("Files or directories to check (default: Profiles/).", valueName: "path"))
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("Validate against this JSON Schema instead of the profile format.", valueName: "file"))
    var schema: String?

    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .text

    @OptionGroup var rubricOptions: RubricOptions

    func run() throws {
        let layout = try ProjectLayout.configured()
        let files = try ProfileDiscovery().discover(paths.isEmpty ? [layout.profilesDirectory] : paths)
        guard !files.isEmpty else {
            throw ConfigurationError("no YAML or JSON files found in \(paths.isEmpty ? "Profiles/" : paths.joined(separator: ", "))")
        }
        let results: [FileCheckResult]
        if let schema {
            let compiled = try RubricSet.loadSchema(schema, limits: rubricOptions.limits)
            results = SchemaDocumentValidator(schema: compiled, limits: rubricOptions.limits).validate(files)
        } else {
            let rubric = try RubricSet.load(from: rubricOptions.rubricDirectory(in: layout), limits: rubricOptions.limits)
            results = ProfileLoader(rubric: rubric, limits: rubricOptions.limits).load(files, keepingProfiles: false)
        }
        switch format {
        case .text: print(ValidationTextReporter.render(results), terminator: "")
        case .json: print(ValidationJSONReporter.render(results), terminator: "")
        }
        if results.invalidCount > 0 {
            throw ExitStatus.profilesFailed.exitCode
        }
    }
}
