import Foundation
import LocatedDocument
import Panel
import ProfileLoading
import Provenance

/// The formats `review-profile report` writes, each to `status.<format>`.
public enum StatusReportFormat: String, CaseIterable, Sendable {
    case md, json, html, csv

    public var fileName: String { "status.\(rawValue)" }

    public func render(_ report: StatusReport) -> String {
        switch self {
        case .md: return StatusMarkdownReporter.render(report)
        case .json: return StatusJSONReporter.render(report)
        case .html: return StatusHTMLReporter.render(report)
        case .csv: return StatusCSVReporter.render(report)
        }
    }
}

/// From profiles on disk to a `StatusReport`: discover, load, review, then join each level profile
/// with its approval state. `review-profile report` and the test that keeps `Reports/` current both
/// run this, so the committed reports are exactly what the command writes.
///
/// File names are relative to the project root (not the working directory), so the reports are the
/// same bytes wherever the command runs from.
public struct StatusReportPipeline: Sendable {
    public var layout: ProjectLayout
    public var rubricDirectory: String
    public var limits: DocumentLimits
    public var environment: [String: String]
    /// The review cache; nil reviews without one.
    public var cache: ReviewCache?

    public init(
        layout: ProjectLayout, rubricDirectory: String? = nil, limits: DocumentLimits = .default,
        environment: [String: String] = ProcessInfo.processInfo.environment, cache: ReviewCache? = nil
    ) {
        self.cache = cache
        self.layout = layout
        self.rubricDirectory = rubricDirectory ?? layout.rubricDirectory
        self.limits = limits
        self.environment = environment
    }

    /// - Parameter paths: absolute files or directories; empty means the project's `Profiles/`.
    /// - Parameter shard: report on this shard's files only (`--shard K/N`).
    public func report(paths: [String] = [], shard: ShardSelector? = nil) throws(ConfigurationError) -> StatusReport {
        let corpus = try ProfileDiscovery(workingDirectory: layout.root).discover(paths.isEmpty ? [layout.profilesDirectory] : paths)
        guard !corpus.isEmpty else {
            throw ConfigurationError("no YAML or JSON files found in \(paths.isEmpty ? "Profiles/" : paths.joined(separator: ", "))")
        }
        let files = shard.map { ShardSelection(shard: $0, corpus: corpus, layout: layout, workingDirectory: layout.root).files } ?? corpus
        let rubric = try ReviewRubric.load(
            from: rubricDirectory, today: ReviewDate.today(environment: environment), limits: limits, workingDirectory: layout.root
        )
        let coverage = shard == nil
            ? ReviewCoverage.of(paths: paths, profilesDirectory: layout.profilesDirectory, workingDirectory: layout.root)
            : .selection
        let session = try ReviewSession(
            rubric: rubric, limits: limits, cache: cache,
            corpus: CorpusSource(directory: layout.profilesDirectory, workingDirectory: layout.root)
        )
        let run = session.review(files: files, coverage: coverage)
        // Approval states come from the signed records (Reports/approvals/, keys in Rubrics/trusted-keys/).
        let approvals = try ApprovalVerifier.project(root: layout.root, rubricDirectory: rubricDirectory).status(for: run)
        return StatusReport(
            run: run, approvals: approvals, sourceCounts: StatusReport.sourceCounts(of: run),
            generatedAt: StatusText.generationTime(environment: environment)
        )
    }

    /// Renders the formats and writes each one atomically to `directory/status.<format>`.
    public static func write(_ report: StatusReport, formats: [StatusReportFormat], to directory: String) throws(ConfigurationError) {
        for format in formats {
            try AtomicFile.write(format.render(report), to: directory + "/" + format.fileName)
        }
    }
}
