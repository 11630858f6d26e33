import Foundation
import LocatedDocument
import SchemaValidation
import Testing

/// The OASIS SARIF 2.1.0 schema is draft-04 style (`definitions`, `id`); later the tool's SARIF
/// output is validated against it, so it must compile and behave.
@Suite struct SARIFSchemaTests {
    static func sarifSchema() throws -> JSONSchema {
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            .appendingPathComponent("sarif/sarif-schema-2.1.0.json")
        let document = try JSONReader.read([UInt8](Data(contentsOf: url)))
        return try JSONSchema(document, options: SchemaOptions(formatAssertion: true))
    }

    @Test func compilesAndAcceptsMinimalLog() throws {
        let schema = try Self.sarifSchema()
        let log = try JSONReader.read(Array(#"{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[]}]}"#.utf8))
        #expect(schema.validate(log) == [])
        #expect(schema.isValid(log))
    }

    @Test func rejectsWrongVersionAndMissingRuns() throws {
        let schema = try Self.sarifSchema()
        let log = try JSONReader.read(Array(#"{"version":"9"}"#.utf8))
        #expect(!schema.isValid(log))
        let violations = schema.validate(log)
        #expect(violations.contains { $0.keyword == "enum" && $0.pointer.description == "/version" && $0.location == SourceLocation(line: 1, column: 12) })
        #expect(violations.contains { $0.keyword == "required" && $0.message == #"missing required key "runs""# })
    }

    @Test func reportsNestedProblemsWithPointers() throws {
        let schema = try Self.sarifSchema()
        let text = """
        {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x", "rules": [{"id": 7}]}},
          "results": [{"message": {"text": "t"}, "level": "fatal", "locations": [], "extra": 1}]}]}
        """
        let violations = schema.validate(try JSONReader.read(Array(text.utf8)))
        #expect(violations.contains { $0.pointer.description == "/runs/0/tool/driver/rules/0/id" && $0.keyword == "type" })
        #expect(violations.contains { $0.pointer.description == "/runs/0/results/0/level" && $0.keyword == "enum" && $0.location.line == 2 })
        #expect(violations.contains { $0.pointer.description == "/runs/0/results/0/extra" && $0.keyword == "additionalProperties" })
    }
}
