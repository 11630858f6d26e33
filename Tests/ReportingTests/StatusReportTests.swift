import Panel
import ProfileModel
import Provenance
import Reporting
import Testing

/// The model every status format renders: counts, joins and corpus views.
@Suite("Status report model")
struct StatusReportTests {
    let report = StatusTestFixture.report

    @Test func countsDecisionsAndApprovalStates() {
        #expect(report.levels.count == 4)
        #expect(report.fileCount == 3)
        #expect([report.count(Decision.approved), report.count(.rejected), report.count(.invalid)] == [2, 2, 1])
        #expect(ApprovalState.allCases.map { report.count($0) } == [1, 1, 1, 1])
    }

    @Test func aLevelProfileWithoutAStatusIsUnapproved() throws {
        let level = try #require(report.levels.first { $0.review.id == "WAREHO1.WAREHOUSE01A1.P3" })
        #expect(level.approval.state == .unapproved)
        #expect(level.approval.reasons == ["no approval status"])
        #expect(level.sourcesCount == 4)
    }

    @Test func infoFindingsAreLeftOut() throws {
        let level = try #require(report.levels.first)
        #expect(level.findings.map(\.rule) == ["vague_bullet"])
        #expect(level.failingRules == ["vague_bullet"])
    }

    @Test func weakestDimensionsAreSortedByMean() {
        #expect(report.dimensions.map(\.dimension) == [.focusSpecificity, .levelDifferentiation, .factualAccuracy, .concreteness, .realWorldCoverage])
        #expect(report.dimensions.first?.mean == 3.375)
        #expect(report.dimensions.first?.distribution == [0, 1, 0, 0, 1, 0, 0, 2, 0])
    }

    @Test func failingRulesAreSortedByCountThenProfilesThenId() {
        #expect(report.failingRules.map(\.rule) == ["vague_bullet", "generic_boilerplate", "unknown_classification_code"])
        #expect(report.failingRules.map(\.findings) == [3, 2, 1])
        #expect(report.failingRules.map(\.worstSeverity) == [.minor, .major, .blocker])

        let file = "Profiles/x.yaml"
        let tie = LevelReview(
            id: "X.P1", file: file, level: "P1", decision: .rejected, scores: StatusTestFixture.scores([5, 5, 5, 5, 5]),
            minScore: 5, contentSHA256: "",
            findings: ["zeta_rule", "alpha_rule", "mid_rule"].map {
                StatusTestFixture.finding($0, .concreteness, .minor, line: 1, file: file, message: "m", evidence: "e")
            },
            gateReasons: []
        )
        let run = ReviewRun(rubricID: "r", rubricVersion: "1", rubricSHA256: "", files: [
            FileReview(file: file, profileID: "X", levels: [tie], diagnostics: []),
        ])
        #expect(StatusReport(run: run, approvals: []).failingRules.map(\.rule) == ["alpha_rule", "mid_rule", "zeta_rule"])
    }

    @Test func scoresFallIntoHalfPointBuckets() {
        #expect(StatusReport.bucket(of: 1) == 0)
        #expect(StatusReport.bucket(of: 4.5) == 7)
        #expect(StatusReport.bucket(of: 5) == 8)
        #expect(StatusReport.bucket(of: 0) == 0)
        #expect(StatusReport.bucket(of: 9) == 8)
    }

    @Test func generationTimeComesOnlyFromSourceDateEpoch() {
        #expect(StatusText.generationTime(environment: [:]) == nil)
        #expect(StatusText.generationTime(environment: ["SOURCE_DATE_EPOCH": "soon"]) == nil)
        #expect(StatusText.generationTime(environment: ["SOURCE_DATE_EPOCH": "1795478400"]) == "2026-11-24T00:00:00Z")
        #expect(StatusText.generationTime(environment: ["SOURCE_DATE_EPOCH": "1795513425"]) == "2026-11-24T09:43:45Z")
    }

    @Test func meansPrintWithTwoDecimals() {
        #expect(StatusText.mean(3.375) == "3.38")
        #expect(StatusText.mean(4) == "4.00")
        #expect(StatusText.mean(4.05) == "4.05")
    }
}
