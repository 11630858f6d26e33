import ArgumentParser
import Foundation
import ProfileLoading
import Reporting

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the approval status reports: status.md, status.json, status.html and status.csv.",
        discussion: """
            Reviews the profiles (as `review` does) and joins every level profile with its approval state \
            (approved, stale, unapproved or tampered, from Reports/approvals/). Writes, atomically:
              status.json  machine-readable, stable key order
              status.md    for a GitHub page or a job summary
              status.csv   one row per level profile, for spreadsheets
              status.html  one self-contained page: counts, score charts, heat map, findings

            Output is byte-identical for the same profiles, rubric and records. It carries a generation time \
            only when SOURCE_DATE_EPOCH is set. Uses the review cache as `review` does (--no-cache, --cache-dir). Exit 0 when the files are written (whatever the profiles' \
            state), 2 on configuration errors.

            Examples:
              review-profile report                         # all Profiles/ into Reports/
              review-profile report --format html --out /tmp/status
              review-profile report Profiles/manufacturing-operations --format md --out build
            """
    )

    @Argument(help: ArgumentHelp("Files or directories to report on (default: Profiles/).", valueName: "path"))
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("Directory to write the reports to (default: Reports/ of the project).", valueName: "dir"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Comma-separated formats: md, json, html, csv (default: all four).", valueName: "list"))
    var format: String = StatusReportFormat.allCases.map(\.rawValue).joined(separator: ",")

    @OptionGroup var rubricOptions: RubricOptions

    @OptionGroup var shardOptions: ShardOptions

    @OptionGroup var cacheOptions: CacheOptions

    func validate() throws {
        _ = try formats()
    }

    func formats() throws -> [StatusReportFormat] {
        var chosen: [StatusReportFormat] = []
        for name in format.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !name.isEmpty {
            guard let format = StatusReportFormat(rawValue: name == "markdown" ? "md" : name) else {
                throw ValidationError("unknown format '\(name)' in --format (use md, json, html, csv)")
            }
            if !chosen.contains(format) { chosen.append(format) }
        }
        guard !chosen.isEmpty else { throw ValidationError("--format needs at least one of md, json, html, csv") }
        return chosen
    }

    func run() throws {
        let layout = try ProjectLayout.configured()
        let workingDirectory = FileManager.default.currentDirectoryPath
        let absolute = paths.map { $0.hasPrefix("/") ? $0 : workingDirectory + "/" + $0 }
        let pipeline = StatusReportPipeline(
            layout: layout, rubricDirectory: rubricOptions.rubricDirectory(in: layout), limits: rubricOptions.limits,
            cache: cacheOptions.cache(in: layout)
        )
        let report = try pipeline.report(paths: absolute, shard: try shardOptions.selector())
        let directory = out.map { $0.hasPrefix("/") ? $0 : workingDirectory + "/" + $0 } ?? layout.reportsDirectory
        try StatusReportPipeline.write(report, formats: try formats(), to: directory)
        let written = try formats().map { directory + "/" + $0.fileName }.joined(separator: ", ")
        FileHandle.standardError.write(Data("wrote \(written)\n".utf8))
    }
}
