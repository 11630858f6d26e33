import Foundation
import LocatedDocument
import Panel
import ProfileModel
import Reporting
import SchemaValidation
import Testing

@Suite("SARIF reporter")
struct SARIFReporterTests {
    /// The official OASIS SARIF 2.1.0 schema, copied with its license into `Fixtures/sarif/`.
    static let schema: JSONSchema = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/sarif/sarif-schema-2.1.0.json")
        do {
            let document = try JSONReader.read([UInt8](Data(contentsOf: url)))
            return try JSONSchema(document, options: SchemaOptions(formatAssertion: true))
        } catch {
            fatalError("the SARIF schema does not load: \(error)")
        }
    }()

    static func violations(_ output: String) throws -> [SchemaViolation] {
        schema.validate(try JSONReader.read(Array(output.utf8)))
    }

    static func json(_ output: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    }

    static func run(_ log: [String: Any]) throws -> [String: Any] {
        let runs = try #require(log["runs"] as? [[String: Any]])
        try #require(runs.count == 1)
        return runs[0]
    }

    @Test func matchesExpectedOutput() throws {
        #expect(try StatusTestFixture.check(SARIFReporter.render(StatusTestFixture.run), against: "review.sarif"))
    }

    @Test func handBuiltRunValidatesAgainstTheOfficialSchema() throws {
        let violations = try Self.violations(SARIFReporter.render(StatusTestFixture.run))
        #expect(violations == [], "\(violations.map(\.description).joined(separator: "\n"))")
    }

    @Test func emptyRunValidatesAgainstTheOfficialSchema() throws {
        let empty = ReviewRun(rubricID: "r", rubricVersion: "1", rubricSHA256: "", files: [])
        #expect(try Self.violations(SARIFReporter.render(empty)) == [])
        #expect(try Self.run(Self.json(SARIFReporter.render(empty)))["results"] as? [Any] != nil)
    }

    @Test func degradedBundledProfileValidatesAndNamesTheFailingRule() throws {
        let review = try CIReportTestSupport.degradedRun()
        #expect(review.rejectedCount > 0)
        let output = SARIFReporter.render(review)
        let violations = try Self.violations(output)
        #expect(violations == [], "\(violations.map(\.description).joined(separator: "\n"))")

        let results = try #require(try Self.run(Self.json(output))["results"] as? [[String: Any]])
        let blocker = try #require(review.levelReviews.flatMap(\.findings).first { $0.rule == "unknown_classification_code" })
        let result = try #require(results.first { $0["ruleId"] as? String == "unknown_classification_code" })
        #expect(result["level"] as? String == "error")
        let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == CIReportTestSupport.degradedFile)
        let region = try #require(location["region"] as? [String: Int])
        #expect(region == ["startLine": blocker.location.line, "startColumn": blocker.location.column])
        let nonInfo = review.levelReviews.flatMap(\.findings).count { $0.severity != .info }
        #expect(results.count == nonInfo)
    }

    @Test func mapsSeveritiesOmitsInfoAndReportsLoadErrors() throws {
        let results = try #require(try Self.run(Self.json(SARIFReporter.render(StatusTestFixture.run)))["results"] as? [[String: Any]])
        // 4 non-info findings in the alpha file (info one left out), 2 in the hostile file, 1 load error.
        #expect(results.count == 7)
        #expect(!results.contains { $0["ruleId"] as? String == "scope_escalation" })
        let levels = results.map { "\($0["ruleId"]!)=\($0["level"]!)" }
        #expect(levels.contains("unknown_classification_code=error"))
        #expect(levels.contains("generic_boilerplate=error"))
        #expect(levels.contains("vague_bullet=warning"))
        #expect(levels.contains("load/tab_indentation=error"))
        #expect(!levels.contains { $0.hasSuffix("=note") })
    }

    @Test func describesEachRuleOnceAndIndexesIt() throws {
        let run = try Self.run(Self.json(SARIFReporter.render(StatusTestFixture.run)))
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "review-profile")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(ids == ["generic_boilerplate", "load/tab_indentation", "unknown_classification_code", "vague_bullet"])
        let vague = try #require(rules.first { $0["id"] as? String == "generic_boilerplate" })
        #expect(((vague["shortDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
        #expect(((vague["help"] as? [String: Any])?["text"] as? String)?.contains("explain generic_boilerplate") == true)
        #expect((vague["defaultConfiguration"] as? [String: Any])?["level"] != nil)
        for result in try #require(run["results"] as? [[String: Any]]) {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(ids[index] == result["ruleId"] as? String)
        }
    }

    @Test func percentEncodesHostileFilePathsAsRelativeURIs() {
        #expect(SARIFReporter.uri(forPath: "Profiles/a b/x.yaml") == "Profiles/a%20b/x.yaml")
        #expect(SARIFReporter.uri(forPath: #"Profiles/"><img>.yaml"#) == "Profiles/%22%3E%3Cimg%3E.yaml")
        #expect(SARIFReporter.uri(forPath: "Profiles/é%#?.yaml") == "Profiles/%C3%A9%25%23%3F.yaml")
        let output = SARIFReporter.render(StatusTestFixture.run)
        #expect(output.contains(#""uri": "Profiles/hostile/%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.yaml""#))
    }

    @Test func fingerprintsAreStableWhenLinesMoveAndDistinctOtherwise() {
        let pointer = JSONPointer([.key("levels"), .index(1), .key("focus")])
        let a = SARIFReporter.fingerprint(rule: "vague_bullet", file: "f.yaml", pointer: pointer, fallback: "x")
        #expect(a == SARIFReporter.fingerprint(rule: "vague_bullet", file: "f.yaml", pointer: pointer, fallback: "y"))
        #expect(a != SARIFReporter.fingerprint(rule: "generic_boilerplate", file: "f.yaml", pointer: pointer, fallback: "x"))
        #expect(a != SARIFReporter.fingerprint(rule: "vague_bullet", file: "g.yaml", pointer: pointer, fallback: "x"))
        #expect(a != SARIFReporter.fingerprint(rule: "vague_bullet", file: "f.yaml", pointer: pointer.appending(0), fallback: "x"))
        #expect(a.count == 64)
        #expect(SARIFReporter.render(StatusTestFixture.run) == SARIFReporter.render(StatusTestFixture.run))
    }
}
