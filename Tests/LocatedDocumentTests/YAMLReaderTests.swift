import Foundation
import LocatedDocument
import Testing

/// Helpers shared by the YAML reader tests.
enum YAMLTestSupport {
    static func read(_ text: String, limits: DocumentLimits = .default) throws(DocumentParseError) -> DocumentNode {
        try YAMLReader.read(Array(text.utf8), limits: limits)
    }

    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/yaml"),
            "missing fixture \(name)"
        )
        return [UInt8](try Data(contentsOf: url))
    }

    /// The error reading `bytes` throws; records an issue and returns nil when it does not throw.
    static func error(
        reading bytes: [UInt8], limits: DocumentLimits = .default, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> DocumentParseError? {
        do {
            let node = try YAMLReader.read(bytes, limits: limits)
            Issue.record("expected an error, got \(node.value)", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    static func error(reading text: String, limits: DocumentLimits = .default) -> DocumentParseError? {
        error(reading: Array(text.utf8), limits: limits)
    }

    static func at(_ line: Int, _ column: Int) -> LocatedDocument.SourceLocation {
        LocatedDocument.SourceLocation(line: line, column: column)
    }
}

@Suite struct YAMLReaderTests {
    @Test func readsAMinimalDocument() throws {
        let node = try YAMLTestSupport.read("code: ENG-3\n")
        #expect(node.location == YAMLTestSupport.at(1, 1))
        #expect(node["code"]?.stringValue == "ENG-3")
        #expect(node.objectValue?.count == 1)
    }

    @Test func stripsAUTF8ByteOrderMarkWithoutShiftingColumns() throws {
        let node = try YAMLReader.read([0xEF, 0xBB, 0xBF] + Array("code: ENG-3\n".utf8))
        let member = try #require(node.member(named: "code"))
        #expect(member.keyLocation == YAMLTestSupport.at(1, 1))
        #expect(member.value.location == YAMLTestSupport.at(1, 7))
    }

    @Test func aRootScalarIsADocument() throws {
        #expect(try YAMLTestSupport.read("42\n").intValue == 42)
        #expect(try YAMLTestSupport.read("--- hello\n").stringValue == "hello")
        // An explicit empty document is a null, not an empty stream.
        #expect(YAMLExpectedScalar(try YAMLTestSupport.read("---\n").value) == .null)
    }

    @Test func concurrentReadsAreIndependent() async throws {
        let bytes = try YAMLTestSupport.fixture("profile.yaml")
        let expected = try YAMLReader.read(bytes)
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<64 {
                group.addTask {
                    if index.isMultiple(of: 2) {
                        return (try? YAMLReader.read(bytes))?.isJSONEqual(to: expected) ?? false
                    }
                    let error = YAMLTestSupport.error(reading: "a: &a [*a]\n")
                    return error?.code == "recursive_alias"
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.count == 64)
        #expect(results.allSatisfy { $0 })
    }
}
