import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LocatedDocument
import Panel
import ProfileModel
import Reporting
import Testing

/// Collects the elements and their attributes, and fails on any XML error.
final class JUnitCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var text: [String: String] = [:]
    private var current: String?

    static func parse(_ xml: String) throws -> JUnitCollector {
        let collector = JUnitCollector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = collector
        let ok = parser.parse()
        #expect(ok, "not well-formed: \(String(describing: parser.parserError))")
        try #require(ok)
        return collector
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append((name, attributes))
        current = name
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let current { text[current, default: ""] += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        current = nil
    }

    func all(_ name: String) -> [[String: String]] { elements.filter { $0.name == name }.map(\.attributes) }
}

@Suite("JUnit reporter")
struct JUnitReporterTests {
    @Test func matchesExpectedOutput() throws {
        #expect(try StatusTestFixture.check(JUnitReporter.render(StatusTestFixture.run), against: "review.junit.xml"))
    }

    @Test func parsesWithTheExpectedCounts() throws {
        let xml = JUnitCollector.self
        let parsed = try xml.parse(JUnitReporter.render(StatusTestFixture.run))
        let root = try #require(parsed.all("testsuites").first)
        #expect(root["tests"] == "5" && root["failures"] == "2" && root["errors"] == "1")
        let suites = parsed.all("testsuite")
        #expect(suites.map { $0["name"] ?? "" } == [StatusTestFixture.alpha, "Profiles/broken/tabs.yaml", StatusTestFixture.hostileFile])
        #expect(suites.map { "\($0["tests"]!)/\($0["failures"]!)/\($0["errors"]!)" } == ["3/1/0", "1/0/1", "1/1/0"])
        let cases = parsed.all("testcase")
        #expect(cases.count == 5)
        #expect(cases[0] == ["classname": "WAREHO1.WAREHOUSE01A1", "name": "WAREHO1.WAREHOUSE01A1.P1"])
        #expect(cases[4]["name"] == "HOSTIL1.\(StatusTestFixture.script).P1")
        let failures = parsed.all("failure")
        #expect(failures.count == 2 && failures.allSatisfy { $0["type"] == "rejected" })
        #expect(failures[1]["message"] == StatusTestFixture.formula)
        #expect(parsed.all("error").map { $0["type"] } == ["invalid"])
    }

    @Test func failureTextListsTheNonInfoFindings() throws {
        let output = JUnitReporter.render(StatusTestFixture.run)
        let alpha = StatusTestFixture.alpha
        #expect(output.contains("blocker unknown_classification_code \(alpha):171:5: O*NET-SOC code 53-9999.00 is not an occupation"))
        #expect(output.contains("major generic_boilerplate \(alpha):60:5: boilerplate any role could claim"))
        #expect(output.contains("minor vague_bullet \(alpha):52:5:"))
        #expect(!output.contains("scope_escalation"))
        #expect(output.contains("Profiles/broken/tabs.yaml:4:1: tab_indentation: found a tab character &lt;script&gt;"))
    }

    @Test func hostileTextStaysWellFormed() throws {
        let hostile = "<script>alert('x')</script> ]]> & \"q\" \u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}\u{FFFE}\u{FFFF} tab\there\r\nnext 🚀"
        let finding = Finding(rule: "vague_bullet", dimension: .concreteness, severity: .major, message: hostile,
                              file: "Profiles/\(hostile).yaml", location: SourceLocation(line: 3, column: 4), evidence: hostile)
        let level = LevelReview(id: "X1.\(hostile).P1", file: "Profiles/\(hostile).yaml", level: "P1", decision: .rejected,
                                scores: [:], minScore: 1, contentSHA256: "", findings: [finding], gateReasons: [hostile])
        let broken = Diagnostic(file: "b]]>.yaml", location: SourceLocation(line: 1, column: 1), code: "x<y", message: hostile, hint: hostile)
        let run = ReviewRun(rubricID: "r", rubricVersion: "1", rubricSHA256: "", files: [
            FileReview(file: "Profiles/\(hostile).yaml", profileID: "X1.\(hostile)", levels: [level], diagnostics: []),
            FileReview(file: "b]]>.yaml", profileID: nil, levels: [], diagnostics: [broken]),
        ])
        let output = JUnitReporter.render(run)
        #expect(!output.contains("]]>"))
        #expect(!output.contains("<script>"))
        #expect(!output.unicodeScalars.contains { !JUnitReporter.isAllowedInXML($0) })
        let parsed = try JUnitCollector.parse(output)
        let cleaned = "<script>alert('x')</script> ]]> & \"q\"  tab\there\r\nnext 🚀"
        #expect(parsed.all("testcase").first?["name"] == "X1.\(cleaned).P1")
        #expect(parsed.all("failure").first?["message"] == cleaned)
        #expect(parsed.all("testsuite").last?["name"] == "b]]>.yaml")
        #expect(parsed.text["failure"]?.contains("major vague_bullet Profiles/") == true)
    }

    @Test func escapesEveryMarkupCharacter() {
        #expect(JUnitReporter.attribute(#"a&b<c>d"e'f"#) == #""a&amp;b&lt;c&gt;d&quot;e&apos;f""#)
        #expect(JUnitReporter.attribute("l1\nl2\tt\rc") == #""l1&#10;l2&#9;t&#13;c""#)
        #expect(JUnitReporter.text("]]>\u{0}\u{7}x\ny") == "]]&gt;x\ny")
    }

    @Test func allApprovedHasNoFailures() throws {
        var run = StatusTestFixture.run
        run.files = [run.files[0]]
        run.files[0].levels = run.files[0].levels.filter { $0.decision == .approved }
        let parsed = try JUnitCollector.parse(JUnitReporter.render(run))
        #expect(parsed.all("testsuites").first?["failures"] == "0")
        #expect(parsed.all("testcase").count == 2)
        #expect(parsed.all("failure").isEmpty && parsed.all("error").isEmpty)
    }
}
