import ArgumentParser
import Foundation
import Panel
import ProfileLoading
import PullRequestCheck
import Reporting

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "The pull request check: review the profiles changed since a base, and gate them.",
        discussion: """
            Diff-aware: reviews the profile files (what discovery finds under the profiles directory) that were \
            added, modified or renamed since the merge base of --base and HEAD, and reports deleted ones as removed. \
            Uncommitted changes count too (staged, unstaged, and untracked profile files), so a local run sees \
            your edits; --committed-only compares HEAD alone, as CI sees a pull request. The default base is \
            origin/main when it exists. Outside git, without a base, or with PATH arguments, it reviews what it \
            is given (default: Profiles/).

            Any change under the rubric directory (Rubrics/) is called out as a protected change and makes \
            every profile affected: all are reviewed with the new rubric and with the base's (read from git), \
            and the score deltas and every decision that flips are reported.

            All reports come from one review: --json, --sarif, --junit, --markdown (written atomically). With \
            GITHUB_STEP_SUMMARY set, the Markdown summary is appended to it; with GITHUB_ACTIONS=true, workflow \
            commands annotate the findings on the diff. Defaults may be set in .review-profile.yml at the \
            repository root (see --print-config-schema); flags override it.

            Exit 0 when every reviewed level profile is approved, 1 when any is rejected or invalid, 2 on \
            configuration errors (bad base ref, unknown configuration key, broken rubric).

            Examples:
              review-profile check                 # local: what did my branch change?
              review-profile check --base main --committed-only
              review-profile check --sarif out.sarif --junit out.xml --markdown out.md
              review-profile check Profiles/software-engineering   # just these
              review-profile check --github-comment  # in a pull_request workflow: one sticky PR comment
              review-profile check --shard 2/4       # this runner's quarter of the selected files
            """
    )

    @Argument(help: ArgumentHelp("Files or directories to review instead of the changed files.", valueName: "path"))
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("Base ref to compare with (default: the configured base, else origin/main when it exists).", valueName: "ref"))
    var base: String?

    @Flag(name: .long, help: "Ignore uncommitted changes: compare the base with HEAD only.")
    var committedOnly = false

    @Option(name: .long, help: ArgumentHelp("Profiles directory (default: from .review-profile.yml, else Profiles/).", valueName: "dir"))
    var profilesDir: String?

    @Option(name: .long, help: ArgumentHelp("Write the check as JSON to this file.", valueName: "file"))
    var json: String?

    @Option(name: .long, help: ArgumentHelp("Write SARIF 2.1.0 (GitHub code scanning) to this file.", valueName: "file"))
    var sarif: String?

    @Option(name: .long, help: ArgumentHelp("Write JUnit XML to this file.", valueName: "file"))
    var junit: String?

    @Option(name: .long, help: ArgumentHelp("Write the Markdown summary to this file.", valueName: "file"))
    var markdown: String?

    @Flag(name: .long, help: "Also show info findings (what was checked and found fine).")
    var verbose = false

    @Flag(name: .long, help: "Print the JSON Schema of .review-profile.yml and exit.")
    var printConfigSchema = false

    @OptionGroup var rubricOptions: RubricOptions

    @OptionGroup var shardOptions: ShardOptions

    @OptionGroup var cacheOptions: CacheOptions

    @OptionGroup var gitHubComment: GitHubCommentOptions

    func run() throws {
        if printConfigSchema {
            print(ProjectConfigurationSchema.text)
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let workingDirectory = FileManager.default.currentDirectoryPath
        let (layout, config) = try ProjectConfiguration.projectLayout(from: workingDirectory)
        var options = PullRequestCheck.Options(
            workingDirectory: workingDirectory, profilesDirectory: absolute(profilesDir, in: workingDirectory) ?? layout.profilesDirectory,
            rubricDirectory: absolute(rubricOptions.rubric, in: workingDirectory) ?? layout.rubricDirectory, today: ReviewDate.today()
        )
        options.paths = paths
        options.base = base ?? config.check.base
        options.baseIsExplicit = base != nil
        options.includeWorkingTree = !committedOnly && (config.check.includeWorkingTree ?? true)
        options.limits = rubricOptions.limits
        options.environment = environment
        options.shard = try shardOptions.selector()
        options.projectRoot = layout.root
        options.cache = cacheOptions.cache(in: layout)
        let result = try PullRequestCheck(options: options).run()

        let markdownSummary = CheckMarkdownReporter.render(result)
        let reports: [(String?, () -> String)] = [
            (json ?? config.check.json, { CheckJSONReporter.render(result) }),
            (sarif ?? config.check.sarif, { SARIFReporter.render(result.run) }),
            (junit ?? config.check.junit, { JUnitReporter.render(result.run) }),
            (markdown ?? config.check.markdown, { markdownSummary }),
        ]
        for case let (path?, render) in reports {
            try AtomicFile.write(render(), to: path)
        }
        try GitHubStepSummary.append(markdownSummary, environment: environment)
        // A comment that cannot be posted is reported on standard error; the verdict stands.
        gitHubComment.postIfRequested(markdown: markdownSummary, marker: CheckMarkdownReporter.commentMarker, environment: environment)
        if environment["GITHUB_ACTIONS"] == "true" {
            FileHandle.standardOutput.write(Data(GitHubAnnotationsReporter.render(result.run).utf8))
        }
        FileHandle.standardOutput.write(Data(CheckTextReporter.render(result, showInfo: verbose).utf8))
        if !result.passed {
            throw ExitStatus.profilesFailed.exitCode
        }
    }

    private func absolute(_ path: String?, in directory: String) -> String? {
        path.map { $0.hasPrefix("/") ? $0 : ((directory + "/" + $0) as NSString).standardizingPath }
    }
}
