import Foundation
import ProfileLoading
import Reporting
import Testing

/// `Reports/status.*` are generated from the bundled Profiles/. This regenerates them in memory, as
/// `review-profile report` would, and fails when the committed copies are out of date.
@Suite("Committed status reports")
struct StatusReportsCommittedTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .resolvingSymlinksInPath().path

    @Test func committedReportsAreCurrent() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = nil  // committed reports carry no generation time
        let report = try StatusReportPipeline(layout: ProjectLayout(root: Self.root), environment: environment).report()
        for format in StatusReportFormat.allCases {
            let path = Self.root + "/Reports/" + format.fileName
            let committed = try? String(contentsOfFile: path, encoding: .utf8)
            #expect(
                format.render(report) == committed,
                "Reports/\(format.fileName) is out of date: regenerate with `swift run review-profile report` and commit it"
            )
        }
    }
}
