import Foundation
import LocatedDocument
import ProfileLoading
import ProfileModel
import Reporting
import Testing

/// Reporters are pure functions from results to text; each is checked against its stored expected output.
@Suite("Validation reporters")
struct ValidationReporterTests {
    static let results: [FileCheckResult] = [
        FileCheckResult(file: "Profiles/a/good.yaml", profile: nil, diagnostics: []),
        FileCheckResult(file: "Profiles/b/bad.yaml", profile: nil, diagnostics: [
            Diagnostic(file: "Profiles/b/bad.yaml", location: SourceLocation(line: 29, column: 11),
                       pointer: JSONPointer([.key("levels"), .index(1), .key("code")]), code: "pattern",
                       message: #"value "m-two" does not match pattern ^[A-Z][0-9]{1,2}$"#),
            Diagnostic(file: "Profiles/b/bad.yaml", location: SourceLocation(line: 3, column: 1),
                       pointer: .root, code: "required", message: #"missing required key "levels""#),
        ]),
        FileCheckResult(file: "Profiles/c/tabs.yaml", profile: nil, diagnostics: [
            Diagnostic(file: "Profiles/c/tabs.yaml", location: SourceLocation(line: 4, column: 1), code: "tab_indentation",
                       message: "found a tab character; expected spaces for indentation <\"quoted\">",
                       hint: "indent with spaces, not tabs"),
        ]),
    ]

    static func expected(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Expected/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test func textMatchesExpectedOutput() throws {
        #expect(ValidationTextReporter.render(Self.results) == (try Self.expected("validation.txt")))
    }

    @Test func jsonMatchesExpectedOutput() throws {
        #expect(ValidationJSONReporter.render(Self.results) == (try Self.expected("validation.json")))
    }

    @Test func jsonIsParseableAndEscapesHostileText() throws {
        let output = ValidationJSONReporter.render(Self.results)
        let parsed = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        let files = try #require(parsed?["files"] as? [[String: Any]])
        let errors = try #require(files[2]["errors"] as? [[String: Any]])
        #expect((errors[0]["message"] as? String)?.hasSuffix(#"<"quoted">"#) == true)
    }

    @Test func verdictForAllValid() {
        #expect(ValidationTextReporter.render([Self.results[0]]) == "validated 1 file: all valid\n")
    }
}
