import Foundation
import Testing

@Suite("review-profile review and explain, run as processes")
struct ReviewCommandTests {
    static let environment = ["SOURCE_DATE_EPOCH": "1795478400"]

    @Test func bundledProfilesAreAllApproved() throws {
        let output = try CommandRunner.run(["review", "Profiles"], environment: Self.environment)
        #expect(output.status == 0, "\(output.stdout.suffix(3000))\(output.stderr)")
        #expect(output.stdout.split(separator: "\n").last?.hasPrefix("PASS: reviewed") == true)
    }

    @Test func jsonIsByteIdenticalAcrossRunsAndHasTheDocumentedShape() throws {
        let first = try CommandRunner.run(["review", "--format", "json", "Profiles"], environment: Self.environment)
        let second = try CommandRunner.run(["review", "--format", "json", "Profiles"], environment: Self.environment)
        #expect(first.stdout == second.stdout)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(Set(document.keys) == ["tool", "rubric", "profiles", "waivers", "summary"])
        let profiles = try #require(document["profiles"] as? [[String: Any]])
        #expect(profiles.count >= 18)
        let profile = try #require(profiles.first)
        for key in ["id", "file", "level", "decision", "scores", "min_score", "content_sha256", "reviewers", "findings"] {
            #expect(profile[key] != nil, "missing \(key)")
        }
        let scores = try #require(profile["scores"] as? [String: Double])
        #expect(Set(scores.keys) == ["level_differentiation", "focus_specificity", "concreteness", "factual_accuracy", "real_world_coverage"])
        let reviewers = try #require(profile["reviewers"] as? [[String: Any]])
        #expect(reviewers.count >= 10)
        #expect(reviewers.allSatisfy { ($0["checks_run"] as? Int ?? 0) > 0 })
        let keyOrder = first.stdout.range(of: "\"tool\"")!.lowerBound < first.stdout.range(of: "\"rubric\"")!.lowerBound
        #expect(keyOrder)
    }

    @Test func ciFormatsRenderTheSameRun() throws {
        let sarif = try CommandRunner.run(["review", "--format", "sarif", "Profiles"], environment: Self.environment)
        #expect(sarif.status == 0, "\(sarif.stderr)")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let junit = try CommandRunner.run(["review", "--format", "junit", "Profiles"], environment: Self.environment)
        #expect(junit.status == 0, "\(junit.stderr)")
        #expect(junit.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"review-profile\""))
        #expect(junit.stdout.contains(" failures=\"0\" errors=\"0\">"))
        let github = try CommandRunner.run(["review", "--format", "github", "Profiles"], environment: Self.environment)
        #expect(github.status == 0, "\(github.stderr)")
        #expect(github.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("::warning file=Profiles/") })
    }

    @Test func aDegradedProfileIsRejectedWithExitOneAndTheOutputFileIsWrittenWhole() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rp-review-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent(
            "Profiles/manufacturing-operations/production-supervision-upstream.yaml"), encoding: .utf8)
        let degraded = original.replacingOccurrences(of: "51-1011.00", with: "51-9999.00")
        let file = directory.appendingPathComponent("degraded.yaml")
        try degraded.write(to: file, atomically: true, encoding: .utf8)
        let report = directory.appendingPathComponent("out/review.md")
        let output = try CommandRunner.run(["review", "--format", "markdown", "--output", report.path, file.path],
                                           environment: Self.environment)
        #expect(output.status == 1, "\(output.stderr)")
        let markdown = try String(contentsOf: report, encoding: .utf8)
        #expect(markdown.contains("| rejected |"))
        #expect(markdown.contains("unknown_classification_code"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: report.deletingLastPathComponent().path)
        #expect(leftovers == ["review.md"])
    }

    @Test func anInvalidFileIsReportedAsInvalid() throws {
        let file = CommandRunner.loaderFixtures.appendingPathComponent("malformed/bad-level-code.yaml").path
        let output = try CommandRunner.run(["review", "--format", "json", file], environment: Self.environment)
        #expect(output.status == 1)
        #expect(output.stdout.contains("\"decision\": \"invalid\""))
        #expect(output.stdout.contains("\"invalid\": 1"))
    }

    @Test func explainListsAndExplainsRules() throws {
        let list = try CommandRunner.run(["explain", "--list"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("near_duplicate_bullets"))
        let one = try CommandRunner.run(["explain", "pay_order"])
        #expect(one.status == 0)
        #expect(one.stdout.contains("## pay_order"))
        #expect(one.stdout.contains("Fails on"))
        let unknown = try CommandRunner.run(["explain", "no_such_rule"])
        #expect(unknown.status == 2)
        let both = try CommandRunner.run(["explain", "--list", "pay_order"])
        #expect(both.status == 2)
    }
}
