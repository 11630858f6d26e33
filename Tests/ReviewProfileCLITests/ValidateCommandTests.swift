import Foundation
import Testing

@Suite("review-profile validate, run as a process")
struct ValidateCommandTests {
    @Test func versionPrintsTheToolVersion() throws {
        let output = try CommandRunner.run(["--version"])
        #expect(output.status == 0)
        #expect(output.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    @Test func everySubcommandHelpHasAnExample() throws {
        let output = try CommandRunner.run(["validate", "--help"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("Examples:"))
        #expect(output.stdout.contains("review-profile validate"))
    }

    @Test func bundledProfilesAreValid() throws {
        let output = try CommandRunner.run(["validate", "Profiles"])
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout.contains("all valid"))
    }

    @Test func jsonOutputNamesPointerLineAndColumnOfABadLevelCode() throws {
        let file = CommandRunner.loaderFixtures.appendingPathComponent("malformed/bad-level-code.yaml").path
        let output = try CommandRunner.run(["validate", "--format", "json", file])
        #expect(output.status == 1)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        )
        let files = try #require(document["files"] as? [[String: Any]])
        let errors = try #require(files.first?["errors"] as? [[String: Any]])
        let error = try #require(errors.first)
        #expect(error["pointer"] as? String == "/levels/1/code")
        #expect(error["line"] as? Int == 29)
        #expect(error["column"] as? Int == 11)
        #expect(error["keyword"] as? String == "pattern")
        #expect((error["message"] as? String)?.contains("m-two") == true)
        let summary = try #require(document["summary"] as? [String: Int])
        #expect(summary == ["valid": 0, "invalid": 1])
    }

    @Test func jsonOutputIsByteIdenticalAcrossRuns() throws {
        let directory = CommandRunner.loaderFixtures.path
        let first = try CommandRunner.run(["validate", "--format", "json", directory])
        let second = try CommandRunner.run(["validate", "--format", "json", directory])
        #expect(first.status == 1)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.hasPrefix("{\n  \"files\": ["))
    }

    @Test func textOutputIsOneCompilerStyleLinePerError() throws {
        let file = CommandRunner.loaderFixtures.appendingPathComponent("malformed/unknown-top-level-key.yaml").path
        let output = try CommandRunner.run(["validate", file])
        #expect(output.status == 1)
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasSuffix("unknown-top-level-key.yaml:6:1: error: unknown key \"sumary\" (did you mean \"summary\"?) (/sumary)") })
        #expect(lines.last == "validated 1 file: 0 valid, 1 invalid")
    }

    @Test(arguments: [
        ["validate", "--no-such-flag"],
        ["validate", "does/not/exist"],
        ["validate", "--format", "xml"],
        ["validate", "--rubric", "/nonexistent-rubric", "Profiles"],
        ["frobnicate"],
    ])
    func usageAndConfigurationErrorsExitTwo(arguments: [String]) throws {
        let output = try CommandRunner.run(arguments)
        #expect(output.status == 2, "\(arguments): \(output.stderr)")
        #expect(!output.stderr.isEmpty)
    }

    @Test func aSchemaWithAnUnsupportedKeywordIsAConfigurationError() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rp-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let schema = directory.appendingPathComponent("schema.json")
        try #"{"type": "object", "unevaluatedProperties": false}"#.write(to: schema, atomically: true, encoding: .utf8)
        let document = directory.appendingPathComponent("doc.yaml")
        try "a: 1\n".write(to: document, atomically: true, encoding: .utf8)
        let output = try CommandRunner.run(["validate", "--schema", schema.path, document.path])
        #expect(output.status == 2)
        #expect(output.stderr.contains("unevaluatedProperties"))
    }

    @Test func customSchemaValidatesAnyDocument() throws {
        let output = try CommandRunner.run(["validate", "--schema", "Rubrics/levels.schema.json", "Rubrics/levels.yaml"])
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
    }
}
