import ArgumentParser
import Foundation
import Panel
import ProfileLoading
import Reporting

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Score every level profile on five dimensions and decide approval.",
        discussion: """
            Loads the profiles (as `validate` does), then a panel of rule-based reviewers tries to refute each \
            level profile on level_differentiation, focus_specificity, concreteness, factual_accuracy and \
            real_world_coverage (1–5 each). A level profile is approved when its provenance is complete, no \
            finding is a blocker and its weakest dimension reaches the gate's minimum (Rubrics/panel.yaml).

            Findings accepted on purpose in Rubrics/waivers.yaml are shown as waived and cost no points. An expired \
            waiver, or one that matches no finding, is a major finding (waiver_expired, waiver_unmatched).

            Exit 0 when every level profile is approved, 1 when any is rejected or invalid, or a waiver names a \
            level its reviewed profile lacks (or, when all of Profiles/ is reviewed, a profile no file holds); \
            2 on configuration errors.
            Set SOURCE_DATE_EPOCH to fix the review date (source dates and waiver expiry are checked against it).

            Results of the per-file stage are cached in .review-cache/ at the project root, keyed by each file's \
            bytes and checked against the rubric files it depends on (its own domain pack only), the review date \
            and the tool version, so an unchanged profile is not parsed again; the output is identical with or \
            without the cache. Every profile under Profiles/ joins the cross-corpus index, even when only some are \
            reviewed. --no-cache turns the cache off, --cache-dir moves it. A run over the whole of Profiles/ \
            removes the entries it did not use.

            Examples:
              review-profile review
              review-profile review Profiles/manufacturing-operations --format json --output review.json
              review-profile review --format markdown >> "$GITHUB_STEP_SUMMARY"
              review-profile review --format sarif --output review.sarif
              review-profile review --format github   # inline annotations in a GitHub Actions step
              review-profile review --format json --shard 2/4 --output shard-2.json   # see `merge`
            """
    )

    @Argument(help: ArgumentHelp("Files or directories to review (default: Profiles/).", valueName: "path"))
    var paths: [String] = []

    @Option(name: .long, help: "Output format.")
    var format: ReviewFormat = .text

    @Option(name: .long, help: ArgumentHelp("Write the report to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Also show info findings (what was checked and found fine).")
    var verbose = false

    @OptionGroup var rubricOptions: RubricOptions

    @OptionGroup var shardOptions: ShardOptions

    @OptionGroup var cacheOptions: CacheOptions

    func run() throws {
        let layout = try ProjectLayout.configured()
        let discovery = ProfileDiscovery()
        let corpus = try discovery.discover(paths.isEmpty ? [layout.profilesDirectory] : paths)
        guard !corpus.isEmpty else {
            throw ConfigurationError("no YAML or JSON files found in \(paths.isEmpty ? "Profiles/" : paths.joined(separator: ", "))")
        }
        // A shard may be empty (more shards than files); it still writes its (empty) part.
        let shard = try shardOptions.selector().map {
            ShardSelection(shard: $0, corpus: corpus, layout: layout, workingDirectory: discovery.workingDirectory)
        }
        let files = shard?.files ?? corpus
        let rubric = try ReviewRubric.load(
            from: rubricOptions.rubricDirectory(in: layout), today: ReviewDate.today(), limits: rubricOptions.limits
        )
        // A shard sees only part of the corpus: waivers of other shards' profiles are `merge`'s to judge,
        // with the corpus coverage the shard records.
        let corpusCoverage = ReviewCoverage.of(paths: paths, profilesDirectory: layout.profilesDirectory)
        let session = try ReviewSession(
            rubric: rubric, limits: rubricOptions.limits, cache: cacheOptions.cache(in: layout),
            // When the paths are just Profiles/, the files discovered are the corpus: it is not listed twice.
            corpus: CorpusSource(
                directory: layout.profilesDirectory, workingDirectory: discovery.workingDirectory,
                discovered: paths.allSatisfy { ReviewCoverage.of(paths: [$0], profilesDirectory: layout.profilesDirectory) == .allProfiles }
                    ? corpus : nil
            )
        )
        let run = session.review(files: files, coverage: shard == nil ? corpusCoverage : .selection)
        defer { ExitTeardown.skipRelease(run) }
        let text: String
        switch format {
        case .text: text = ReviewTextReporter.render(run, showInfo: verbose)
        case .json:
            // Streamed: the document of a large corpus is hundreds of megabytes.
            let shard = shard.map { ReviewShard(selection: $0, corpusCoverage: corpusCoverage) }
            try OutputDestination(path: output).stream { write in try ReviewJSONReporter.write(run, shard: shard, emit: write) }
            if !run.passed { throw ExitStatus.profilesFailed.exitCode }
            return
        case .markdown: text = ReviewMarkdownReporter.render(run)
        case .sarif: text = SARIFReporter.render(run)
        case .junit: text = JUnitReporter.render(run)
        case .github: text = GitHubAnnotationsReporter.render(run)
        }
        try OutputDestination(path: output).write(text)
        if !run.passed {
            throw ExitStatus.profilesFailed.exitCode
        }
    }
}

enum ReviewFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    case markdown
    case sarif
    case junit
    case github
}
