import Foundation
import Panel
import ProfileLoading
import ProfileModel
import Reporting
import Reviewers
import Testing

/// The full review JSON of the bundled Profiles/, the real published ladders and every rule's
/// documented examples, compared byte for byte with a committed copy. It pins what the panel says,
/// finding by finding, so a change meant to be only faster (prepared rules, shared analysis, …)
/// cannot change a single score, message or position unnoticed.
///
/// The rubric hash and tool version are masked: they change with any rubric edit or release and say
/// nothing about the rules' behaviour. When a change of behaviour is intended, regenerate with
/// `REVIEW_PROFILE_UPDATE_GOLDEN=1 swift test --filter ReviewOutputGoldenTests` and review the diff.
@Suite("Review output golden files")
struct ReviewOutputGoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden")

    @Test func bundledProfilesReviewIsUnchanged() throws {
        let files = try ProfileDiscovery(workingDirectory: PanelTestSupport.packageRoot.path).discover(["Profiles"])
        let loaded = ProfileLoader(rubric: PanelTestSupport.rubric.loading).load(files)
        try Self.compare(PanelTestSupport.engine.review(loaded), with: "bundled-profiles.review.json")
    }

    @Test func realLaddersReviewIsUnchanged() throws {
        try Self.compare(RealLaddersTests.reviewAll(), with: "real-ladders.review.json")
    }

    @Test func ruleExamplesReviewIsUnchanged() throws {
        var files: [FileReview] = []
        for rule in RuleRegistry.all {
            let description = rule.description
            let examples = description.failingExamples.map { ("failing", $0) } + description.passingExamples.map { ("passing", $0) }
            for (offset, (kind, example)) in examples.enumerated() {
                let profile = try ExampleProfile.profile(applying: example.overlay)
                let name = "\(description.id)/\(kind)-\(offset)"
                files.append(FileReview(file: name, profileID: profile.id.value,
                                        levels: PanelTestSupport.engine.review(profile), diagnostics: []))
            }
        }
        try Self.compare(ReviewRun(rubric: PanelTestSupport.rubric, files: files), with: "rule-examples.review.json")
    }

    static func compare(_ run: ReviewRun, with name: String) throws {
        let rendered = ReviewJSONReporter.render(run)
            .replacingOccurrences(of: run.rubricSHA256, with: "<rubric-sha256>")
            .replacingOccurrences(of: "\"version\": \"\(ToolInfo.version)\"", with: "\"version\": \"<tool-version>\"")
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["REVIEW_PROFILE_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try rendered.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let committed = try String(contentsOf: url, encoding: .utf8)
        if rendered != committed {
            let renderedLines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
            let committedLines = committed.split(separator: "\n", omittingEmptySubsequences: false)
            let first = Array(zip(renderedLines, committedLines)).firstIndex { $0 != $1 } ?? min(renderedLines.count, committedLines.count)
            let now = first < renderedLines.count ? String(renderedLines[first]) : "<end>"
            let was = first < committedLines.count ? String(committedLines[first]) : "<end>"
            Issue.record("\(name) differs from the committed review at line \(first + 1):\n  now: \(now)\n  was: \(was)")
        }
    }
}
