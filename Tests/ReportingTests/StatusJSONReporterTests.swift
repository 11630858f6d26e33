import Foundation
import Reporting
import Testing

@Suite("Status JSON reporter")
struct StatusJSONReporterTests {
    @Test func matchesExpectedOutput() throws {
        #expect(try StatusTestFixture.check(StatusJSONReporter.render(StatusTestFixture.report), against: "status.json"))
    }

    @Test func isParseableWithTheDocumentedShape() throws {
        let output = StatusJSONReporter.render(StatusTestFixture.report)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(Set(document.keys) == [
            "tool", "rubric", "generated_at", "summary", "weakest_dimensions", "failing_rules", "level_profiles", "invalid_files",
        ])
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["approval_states"] as? [String: Int] == ["approved": 1, "stale": 1, "unapproved": 1, "tampered": 1])
        #expect(summary["decisions"] as? [String: Int] == ["approved": 2, "rejected": 2, "invalid": 1])
        let levels = try #require(document["level_profiles"] as? [[String: Any]])
        let hostile = try #require(levels.first { ($0["id"] as? String)?.contains("<script>") == true })
        #expect(hostile["id"] as? String == "HOSTIL1.\(StatusTestFixture.script).P1")
        let approval = try #require(hostile["approval"] as? [String: Any])
        #expect(approval["state"] as? String == "tampered")
        #expect(approval["reasons"] as? [String] == ["signature does not verify", StatusTestFixture.image])
        #expect(document["generated_at"] is NSNull)
    }

    @Test func keyOrderIsStableAndTheGenerationTimeIsOnlyThereWhenGiven() {
        var report = StatusTestFixture.report
        let first = StatusJSONReporter.render(report)
        #expect(first == StatusJSONReporter.render(StatusTestFixture.report))
        let order = ["\"tool\"", "\"rubric\"", "\"generated_at\"", "\"summary\"", "\"weakest_dimensions\"", "\"failing_rules\"",
                     "\"level_profiles\"", "\"invalid_files\""].map { first.range(of: "\n  " + $0)!.lowerBound }
        #expect(order == order.sorted())
        report.generatedAt = "2026-11-24T00:00:00Z"
        #expect(StatusJSONReporter.render(report).contains(#""generated_at": "2026-11-24T00:00:00Z""#))
    }
}
