import Foundation
import LocatedDocument
import Panel
import ProfileModel
import Provenance
import Reporting
import SchemaValidation
import Testing

/// A hand-made run with a waived finding, a finding about an expired waiver and two waivers the run
/// cannot carry (one failing, one not checked), rendered by every reporter.
enum WaiverReportFixture {
    static let file = "Profiles/alpha/warehouse-receiving.yaml"
    static let waiversFile = "Rubrics/waivers.yaml"
    /// Hostile on purpose: markup, command separators and a line break.
    static let reason = "Kept on purpose: <b>SOP</b> wording, 100% verbatim: see QA-12, rev 3\nsecond line"

    static func waiver(_ scope: String, line: Int, expires: String = "2027-06-30") -> Waiver {
        let parts = scope.split(separator: ".").map(String.init)
        return Waiver(
            profileID: parts[0] + "." + parts[1], levelCode: parts.count == 3 ? parts[2] : nil, rule: "vague_language",
            dimension: .concreteness, reason: reason, approvedBy: "jane <qa>", expires: expires, file: waiversFile,
            location: SourceLocation(line: line, column: 5), pointer: JSONPointer([.key("waivers"), .index(line)])
        )
    }

    static var run: ReviewRun {
        var waived = Finding(rule: "vague_language", dimension: .concreteness, severity: .major, message: "vague phrase \"as needed\"",
                             file: file, location: SourceLocation(line: 40, column: 9), evidence: "as needed",
                             suggestion: "Say when.")
        waived.waiver = waiver("WAREHO1.WAREHOUSE01A1.P1", line: 3).annotation
        let expired = Finding(rule: WaiverRule.expired.id, dimension: .concreteness, severity: .major,
                              message: "waiver for vague_language on WAREHO1.WAREHOUSE01A1.P2 expired on 2026-01-01",
                              file: waiversFile, location: SourceLocation(line: 9, column: 5), evidence: "expires: 2026-01-01")
        let approved = LevelReview(
            id: "WAREHO1.WAREHOUSE01A1.P1", file: file, level: "P1", decision: .approved,
            scores: Dictionary(uniqueKeysWithValues: ProfileModel.Dimension.allCases.map { ($0, 5.0) }), minScore: 5,
            contentSHA256: String(repeating: "a", count: 64), findings: [waived], gateReasons: []
        )
        let rejected = LevelReview(
            id: "WAREHO1.WAREHOUSE01A1.P2", file: file, level: "P2", decision: .rejected,
            scores: Dictionary(uniqueKeysWithValues: ProfileModel.Dimension.allCases.map { ($0, $0 == .concreteness ? 3.5 : 5.0) }),
            minScore: 3.5, contentSHA256: String(repeating: "b", count: 64), findings: [expired],
            gateReasons: ["concreteness 3.5 is below the minimum 4.0"]
        )
        return ReviewRun(
            rubricID: "default-panel", rubricVersion: "1.0.0", rubricSHA256: String(repeating: "e", count: 64),
            files: [FileReview(file: file, profileID: "WAREHO1.WAREHOUSE01A1", levels: [approved, rejected], diagnostics: [])],
            waiverProblems: [
                WaiverProblem(waiver: waiver("WAREHO1.WAREHOUSE01A1.P6", line: 15), kind: .levelNotInProfile, failsRun: true),
                WaiverProblem(waiver: waiver("OTHER1.FOCUS1", line: 21), kind: .profileNotReviewed, failsRun: false),
            ]
        )
    }
}

@Suite("Waivers in every reporter")
struct WaiverReportingTests {
    let run = WaiverReportFixture.run

    @Test func runCountsAndVerdict() {
        #expect(run.waivedCount == 1)
        #expect(run.failingWaiverProblems.count == 1)
        #expect(!run.passed, "a waiver for a level the profile lacks fails the run")
        #expect(ReviewTextReporter.verdict(run).hasSuffix("1 approved, 1 rejected, 0 invalid; 1 finding waived; 1 stale waiver"))
    }

    @Test func textShowsWaivedInsteadOfTheSeverityWithWhoUntilAndWhy() {
        let text = ReviewTextReporter.render(run)
        #expect(text.contains("  waived  \(WaiverReportFixture.file):40:9 [vague_language] vague phrase \"as needed\""))
        #expect(text.contains("          waived: major finding, approved by jane <qa> until 2027-06-30 (Rubrics/waivers.yaml:3): Kept on purpose"))
        #expect(text.contains("rev 3 second line"), "the reason stays on one line")
        #expect(!text.contains("suggestion: Say when."), "a waived finding needs no fix")
        #expect(text.contains("Rubrics/waivers.yaml:15:5: error: waiver for vague_language on WAREHO1.WAREHOUSE01A1.P6 matches nothing"))
        #expect(text.contains("note: 1 waiver not checked: its profile is not in this run"))
    }

    @Test func jsonCarriesTheWaiverAndTheRunsProblemsAndIsDeterministic() throws {
        let output = ReviewJSONReporter.render(run)
        #expect(output == ReviewJSONReporter.render(WaiverReportFixture.run))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let profiles = try #require(document["profiles"] as? [[String: Any]])
        let finding = try #require((profiles[0]["findings"] as? [[String: Any]])?.first)
        let waiver = try #require(finding["waiver"] as? [String: Any])
        #expect(waiver["approved_by"] as? String == "jane <qa>")
        #expect(waiver["expires"] as? String == "2027-06-30")
        #expect(waiver["reason"] as? String == WaiverReportFixture.reason)
        #expect(waiver["file"] as? String == "Rubrics/waivers.yaml" && waiver["line"] as? Int == 3)
        #expect(waiver["profile"] as? String == "WAREHO1.WAREHOUSE01A1.P1")
        let other = try #require((profiles[1]["findings"] as? [[String: Any]])?.first)
        #expect(other["waiver"] is NSNull)
        let waivers = try #require(document["waivers"] as? [String: Any])
        #expect(waivers["waived_findings"] as? Int == 1)
        let problems = try #require(waivers["problems"] as? [[String: Any]])
        #expect(problems.map { $0["kind"] as? String } == ["level_not_in_profile", "profile_not_reviewed"])
        #expect(problems.map { $0["fails_run"] as? Bool } == [true, false])
        #expect(problems[0]["rule"] as? String == "waiver_unmatched" && problems[0]["line"] as? Int == 15)
    }

    @Test func sarifSuppressesTheWaivedResultAndValidatesAgainstTheOfficialSchema() throws {
        let output = SARIFReporter.render(run)
        let violations = try SARIFReporterTests.violations(output)
        #expect(violations == [], "\(violations.map(\.description).joined(separator: "\n"))")
        let results = try #require(try SARIFReporterTests.run(SARIFReporterTests.json(output))["results"] as? [[String: Any]])
        let waived = try #require(results.first { $0["ruleId"] as? String == "vague_language" })
        #expect(waived["level"] as? String == "error", "a suppressed result keeps its level")
        let suppressions = try #require(waived["suppressions"] as? [[String: Any]])
        #expect(suppressions.count == 1)
        #expect(suppressions[0]["kind"] as? String == "external")
        #expect(suppressions[0]["status"] as? String == "accepted")
        #expect(suppressions[0]["justification"] as? String == WaiverReportFixture.reason)
        let properties = try #require(suppressions[0]["properties"] as? [String: Any])
        #expect(properties["approvedBy"] as? String == "jane <qa>" && properties["expires"] as? String == "2027-06-30")
        let location = try #require((suppressions[0]["location"] as? [String: Any])?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "Rubrics/waivers.yaml")
        #expect((location["region"] as? [String: Int])?["startLine"] == 3)

        let expired = try #require(results.first { $0["ruleId"] as? String == WaiverRule.expired.id })
        #expect(expired["suppressions"] == nil)
        let stale = results.filter { $0["ruleId"] as? String == WaiverRule.unmatched.id }
        #expect(stale.count == 1, "only the waiver problem that fails the run is a result")
        let rules = try #require(((SARIFReporterTests.run(SARIFReporterTests.json(output))["tool"] as? [String: Any])?["driver"]
            as? [String: Any])?["rules"] as? [[String: Any]])
        let descriptor = try #require(rules.first { $0["id"] as? String == WaiverRule.unmatched.id })
        #expect(((descriptor["help"] as? [String: Any])?["text"] as? String)?.contains("explain waiver_unmatched") == true)
    }

    @Test func junitDoesNotFailAWaivedFindingAndFailsTheStaleWaiver() throws {
        let output = JUnitReporter.render(run)
        let parsed = try JUnitCollector.parse(output)
        let root = try #require(parsed.all("testsuites").first)
        #expect(root["tests"] == "3" && root["failures"] == "2" && root["errors"] == "0")
        #expect(parsed.all("testsuite").map { $0["name"] } == [WaiverReportFixture.file, "Rubrics/waivers.yaml"])
        #expect(parsed.all("failure").map { $0["type"] } == ["rejected", "waiver_unmatched"])
        #expect(parsed.text["system-out"]?.contains("waived major vague_language \(WaiverReportFixture.file):40:9") == true)
        #expect(parsed.text["system-out"]?.contains("approved by jane <qa> until 2027-06-30") == true)
        let failure = try #require(parsed.text["failure"])
        #expect(!failure.contains("vague phrase"), "the waived finding is not among the failure's findings")
    }

    @Test func githubAnnotationsMakeAWaivedFindingANoticeNotAnError() {
        let lines = GitHubAnnotationsReporter.render(run).split(separator: "\n").map(String.init)
        let notice = lines.filter { $0.hasPrefix("::notice ") }
        #expect(notice.count == 1)
        #expect(notice.first?.hasPrefix("::notice file=\(WaiverReportFixture.file),line=40,col=9,title=vague_language::waived major: ") == true)
        #expect(notice.first?.contains("approved by jane <qa> until 2027-06-30: Kept on purpose: <b>SOP</b> wording, 100%25 verbatim: see QA-12, rev 3%0Asecond line") == true)
        #expect(lines.contains { $0.hasPrefix("::error file=Rubrics/waivers.yaml,line=9,col=5,title=waiver_expired::") })
        #expect(lines.contains { $0.hasPrefix("::error file=Rubrics/waivers.yaml,line=15,col=5,title=waiver_unmatched::") })
        #expect(!lines.contains { $0.contains("line=21") }, "a waiver that could not be checked is no annotation")
    }

    @Test func markdownListsWaivedFindingsApartFromTheFindingsToFix() throws {
        let markdown = ReviewMarkdownReporter.render(run)
        let toFix = try #require(markdown.range(of: "### Findings to fix"))
        let waivedSection = try #require(markdown.range(of: "### Waived findings"))
        #expect(toFix.upperBound < waivedSection.lowerBound)
        let fix = markdown[toFix.upperBound..<waivedSection.lowerBound]
        #expect(!fix.contains("vague phrase"))
        #expect(fix.contains("- **stale waiver** `Rubrics/waivers.yaml:15` (waiver_unmatched)"))
        let waived = markdown[waivedSection.upperBound...]
        #expect(waived.contains("- **waived major** `WAREHO1.WAREHOUSE01A1.P1`"))
        #expect(waived.contains("approved by jane &lt;qa&gt; until 2027-06-30: Kept on purpose: &lt;b&gt;SOP&lt;/b&gt; wording"))
        #expect(!waived.contains("\nsecond line"), "the reason cannot break the list")
        #expect(waived.contains("1 waiver not checked"))
    }

    @Test func statusReportsCountWaivedFindingsPerLevelProfile() throws {
        let report = StatusReport(run: run, approvals: [])
        #expect(report.levels.map(\.waived.count) == [1, 0])
        #expect(report.levels[0].findings.isEmpty, "a waived finding costs nothing and fails no rule")
        #expect(report.waivedCount == 1)
        #expect(!report.failingRules.contains { $0.rule == "vague_language" })

        let json = try #require(try JSONSerialization.jsonObject(with: Data(StatusJSONReporter.render(report).utf8)) as? [String: Any])
        let levels = try #require(json["level_profiles"] as? [[String: Any]])
        #expect(levels.map { ($0["findings"] as? [String: Any])?["waived"] as? Int } == [1, 0])
        #expect((json["summary"] as? [String: Any])?["waived_findings"] as? Int == 1)

        let csv = StatusCSVReporter.render(report).components(separatedBy: "\r\n")
        let column = try #require(StatusCSVReporter.header.firstIndex(of: "waived"))
        #expect(csv[1].split(separator: ",", omittingEmptySubsequences: false)[column] == "1")

        #expect(StatusMarkdownReporter.render(report).contains("| 1 waived |"))
        let html = StatusHTMLReporter.render(report)
        #expect(html.contains("<td class=\"sev-waived\">waived major</td>"))
        #expect(html.contains("Waived: approved by jane &lt;qa&gt; until 2027-06-30: Kept on purpose: &lt;b&gt;SOP&lt;/b&gt;"))
    }
}
