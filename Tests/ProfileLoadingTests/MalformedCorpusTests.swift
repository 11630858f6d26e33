import Foundation
import LocatedDocument
import ProfileLoading
import ProfileModel
import Testing

/// Every file in Fixtures/malformed is hostile or broken in one way; each must produce its own
/// precise error (code, line, column), and none may stop the others from being checked.
@Suite("Malformed-input corpus")
struct MalformedCorpusTests {
    struct Expectation: CustomTestStringConvertible, Sendable {
        var file: String
        var code: String
        var line: Int
        var column: Int
        var testDescription: String { "\(file) → \(code) at \(line):\(column)" }
    }

    static let expectations: [Expectation] = [
        // YAML syntax and hostile structure
        .init(file: "tab-indentation.yaml", code: "tab_indentation", line: 17, column: 1),
        .init(file: "duplicate-key.yaml", code: "duplicate_key", line: 13, column: 1),
        .init(file: "non-scalar-key.yaml", code: "non_scalar_key", line: 14, column: 3),
        .init(file: "merge-key.yaml", code: "merge_key_unsupported", line: 6, column: 3),
        .init(file: "multiple-documents.yaml", code: "multiple_documents", line: 63, column: 1),
        .init(file: "empty.yaml", code: "empty_document", line: 1, column: 1),
        .init(file: "unclosed-quote.yaml", code: "yaml_syntax", line: 44, column: 45),
        .init(file: "bad-indentation.yaml", code: "yaml_syntax", line: 17, column: 11),
        .init(file: "undefined-alias.yaml", code: "undefined_alias", line: 13, column: 8),
        .init(file: "unsupported-tag.yaml", code: "unsupported_tag", line: 13, column: 8),
        .init(file: "billion-laughs.yaml", code: "node_limit", line: 6, column: 11),
        .init(file: "too-deep.yaml", code: "too_deep", line: 13, column: 74),
        .init(file: "invalid-utf8.yaml", code: "invalid_utf8", line: 5, column: 58),
        .init(file: "trailing-comma.json", code: "trailing_comma", line: 4, column: 1),
        .init(file: "duplicate-key.json", code: "duplicate_key", line: 3, column: 3),
        // Schema: the profile format v1 contract
        .init(file: "not-a-mapping.yaml", code: "type", line: 1, column: 1),
        .init(file: "unknown-top-level-key.yaml", code: "additionalProperties", line: 6, column: 1),
        .init(file: "bad-level-code.yaml", code: "pattern", line: 29, column: 11),
        .init(file: "missing-levels.yaml", code: "required", line: 2, column: 1),
        .init(file: "wrong-type-version.yaml", code: "type", line: 12, column: 10),
        .init(file: "too-few-responsibilities.yaml", code: "minItems", line: 21, column: 7),
        .init(file: "bad-status.yaml", code: "enum", line: 11, column: 9),
        .init(file: "impossible-date.yaml", code: "format", line: 61, column: 16),
        .init(file: "non-http-url.yaml", code: "pattern", line: 60, column: 10),
        .init(file: "confidence-out-of-range.yaml", code: "maximum", line: 14, column: 13),
        .init(file: "bad-currency.yaml", code: "pattern", line: 32, column: 22),
        .init(file: "unknown-layer.yaml", code: "enum", line: 62, column: 21),
        .init(file: "onet-code-shape.yaml", code: "pattern", line: 49, column: 32),
        // Consistency with itself and with the level catalogue
        .init(file: "id-mismatch.yaml", code: "id_mismatch", line: 3, column: 5),
        .init(file: "unknown-track.yaml", code: "unknown_track", line: 10, column: 8),
        .init(file: "unknown-level.yaml", code: "unknown_level", line: 29, column: 11),
        .init(file: "level-order.yaml", code: "level_order", line: 29, column: 11),
        .init(file: "years-order.yaml", code: "years_order", line: 31, column: 12),
        .init(file: "unknown-source.yaml", code: "unknown_source", line: 49, column: 52),
        .init(file: "duplicate-source.yaml", code: "duplicate_source", line: 57, column: 9),
    ]

    static func load(_ paths: [String], limits: DocumentLimits = .default) throws -> [FileCheckResult] {
        let files = try ProfileDiscovery().discover(paths)
        return ProfileLoader(rubric: TestSupport.rubric, limits: limits).load(files)
    }

    @Test(arguments: expectations)
    func eachMalformedFileGetsItsPreciseError(_ expected: Expectation) throws {
        let results = try Self.load([TestSupport.fixture("malformed/" + expected.file)])
        let result = try #require(results.first)
        let first = try #require(result.diagnostics.first, "\(expected.file) was accepted")
        let found = result.diagnostics.map { "\($0.code)@\($0.location.line):\($0.location.column) \($0.message)" }
        #expect(result.diagnostics.contains { $0.code == expected.code }, "\(found)")
        let match = result.diagnostics.first { $0.code == expected.code } ?? first
        #expect(match.location.line == expected.line, "\(found)")
        #expect(match.location.column == expected.column, "\(found)")
        #expect(!match.message.isEmpty)
        #expect(result.profile == nil)
    }

    @Test func theCorpusIsLargeAndEveryFileIsCovered() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: TestSupport.fixture("malformed"))
        #expect(names.count >= 25)
        #expect(Set(names) == Set(Self.expectations.map(\.file)))
    }

    @Test func oneRunChecksEveryFileAndKeepsTheValidOne() throws {
        let results = try Self.load([TestSupport.fixture("malformed"), TestSupport.fixture("valid")])
        #expect(results.count == Self.expectations.count + 1)
        #expect(results.invalidCount == Self.expectations.count)
        let valid = try #require(results.first { $0.file.hasSuffix("valid/warehouse-receiving.yaml") })
        #expect(valid.isValid, "\(valid.diagnostics)")
        #expect(valid.profile?.levelProfiles.map(\.id) == ["LOGIST1.RECEIV2.M1", "LOGIST1.RECEIV2.M2"])
        #expect(results.map(\.file) == results.map(\.file).sorted())
    }

    @Test func anOversizedFileIsRefusedBeforeItIsRead() throws {
        var limits = DocumentLimits.default
        limits.maxBytes = 1_000
        let results = try Self.load([TestSupport.fixture("valid/warehouse-receiving.yaml")], limits: limits)
        #expect(results.first?.diagnostics.first?.code == "file_too_large")
    }
}
