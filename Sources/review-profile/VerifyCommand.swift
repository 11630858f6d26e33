import ArgumentParser
import Foundation
import Panel
import ProfileLoading
import Provenance

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that each level profile's approval record is genuine and still current.",
        discussion: """
            For every level profile of the given profiles, reads Reports/approvals/<level-profile-id>.jsonl and \
            classifies it:
              approved    every line signed by a key in Rubrics/trusted-keys/, chain intact, latest record names \
            this level profile and file, content and rubric hashes current
              stale       genuine, but the content or the rubric changed since (the reason says which, and since when)
              unapproved  no record file
              tampered    bad or missing signature, unknown key, broken chain, malformed line, or a record about \
            another level profile or file
            Needs only public keys. Exit 1 if anything is tampered (with --strict also when anything is stale, \
            unapproved or cannot be loaded), 0 otherwise, 2 on configuration errors.

            Examples:
              review-profile verify
              review-profile verify Profiles --strict --format json
            """
    )

    @Argument(help: ArgumentHelp("Files or directories to verify (default: Profiles/).", valueName: "path"))
    var paths: [String] = []

    @Flag(name: .long, help: "Also fail (exit 1) on stale, unapproved or unloadable profiles.")
    var strict = false

    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .text

    @OptionGroup var rubricOptions: RubricOptions

    func run() throws {
        let layout = try ProjectLayout.configured()
        let rubricDirectory = rubricOptions.rubricDirectory(in: layout)
        let verifier = try ApprovalVerifier.project(root: layout.root, rubricDirectory: rubricDirectory)
        let files = try ProfileDiscovery().discover(paths.isEmpty ? [layout.profilesDirectory] : paths)
        guard !files.isEmpty else {
            throw ConfigurationError("no YAML or JSON files found in \(paths.isEmpty ? "Profiles/" : paths.joined(separator: ", "))")
        }
        let rubric = try ReviewRubric.load(from: rubricDirectory, today: ReviewDate.today(), limits: rubricOptions.limits)
        let loaded = ProfileLoader(rubric: rubric.loading, limits: rubricOptions.limits).load(files)
        let (subjects, invalidFiles) = ApprovalSubject.subjects(of: loaded)
        let report = VerificationReport(
            statuses: verifier.status(for: subjects, rubricSHA256: rubric.sha256), invalidFiles: invalidFiles,
            rubricID: rubric.policy.id, rubricVersion: rubric.policy.version, rubricSHA256: rubric.sha256
        )
        try OutputDestination(path: nil).write(format == .json ? report.json() : report.text())
        if report.failed(strict: strict) {
            throw ExitStatus.profilesFailed.exitCode
        }
    }
}
