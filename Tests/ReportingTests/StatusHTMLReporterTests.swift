import Foundation
import Reporting
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("Status HTML reporter")
struct StatusHTMLReporterTests {
    let output = StatusHTMLReporter.render(StatusTestFixture.report)

    @Test func matchesExpectedOutput() throws {
        #expect(try StatusTestFixture.check(output, against: "status.html"))
    }

    @Test func isWellFormedXML() throws {
        let document = try XMLDocumentReader.read(output)
        #expect(document.error == nil, "\(String(describing: document.error)) at line \(document.errorLine)")
        #expect(document.elements.first == "html")
        #expect(document.elements.filter { $0 == "svg" }.count == 6)
    }

    @Test func hostileProfileTextRendersAsText() throws {
        #expect(!output.lowercased().contains("<script"))
        #expect(!output.lowercased().contains("<img"))
        #expect(output.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(output.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        let document = try XMLDocumentReader.read(output)
        #expect(!document.elements.contains("script") && !document.elements.contains("img"))
        #expect(!document.attributes.contains { $0.name.lowercased().hasPrefix("on") })
        // Parsed back, the hostile strings are plain text in the page.
        #expect(document.text.contains(StatusTestFixture.script))
        #expect(document.text.contains(StatusTestFixture.image))
    }

    @Test func isSelfContained() throws {
        for marker in ["<link", "url(", "@import", "<script", "<iframe", "<object", "<img"] {
            #expect(!output.contains(marker), "\(marker)")
        }
        let document = try XMLDocumentReader.read(output)
        #expect(!document.attributes.contains { $0.name == "src" })
        #expect(document.attributes.filter { $0.name == "href" }.allSatisfy { $0.value.hasPrefix("#") })
        // The only absolute URLs are the XHTML and SVG namespace names.
        let urls = output.components(separatedBy: "http").dropFirst().map { "http" + $0.prefix(30) }
        #expect(urls.allSatisfy { $0.hasPrefix("http://www.w3.org/") || $0.hasPrefix("https://evil.example") })
    }

    @Test func isByteIdenticalAcrossRunsAndDatedOnlyWhenAsked() {
        #expect(output == StatusHTMLReporter.render(StatusTestFixture.report))
        #expect(!output.contains("generated 2"))
        var report = StatusTestFixture.report
        report.generatedAt = "2026-11-24T00:00:00Z"
        #expect(StatusHTMLReporter.render(report).contains("generated 2026-11-24T00:00:00Z"))
    }

    @Test func escapingCoversAllFiveCharactersAndXMLForbiddenOnes() throws {
        #expect(HTMLEscaping.escape(#"<a href="x" title='y'>&</a>"#) == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
        #expect(HTMLEscaping.escape("bell\u{7}\u{0}nul\u{85}\u{FFFF}") == "bell\u{FFFD}\u{FFFD}nul\u{FFFD}\u{FFFD}")
        #expect(HTMLEscaping.escape("tab\tnew\nline ✓") == "tab\tnew\nline ✓")
        let text = "control \u{1} in a profile"
        let document = try XMLDocumentReader.read("<p xmlns=\"http://www.w3.org/1999/xhtml\">\(HTMLEscaping.escape(text))</p>")
        #expect(document.error == nil)
    }
}

/// Reads a document with Foundation's `XMLParser` (no network, no DTD loading) and keeps what the
/// tests look at: element names in order, attribute names, character data and the first error.
final class XMLDocumentReader: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var attributes: [(name: String, value: String)] = []
    var text = ""
    var error: Error?
    var errorLine = 0

    static func read(_ xml: String) throws -> XMLDocumentReader {
        let reader = XMLDocumentReader()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        if !parser.parse() {
            reader.error = reader.error ?? parser.parserError ?? NSError(domain: "XMLParser", code: 1)
            reader.errorLine = parser.lineNumber
        }
        return reader
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        elements.append(elementName)
        attributes += attributeDict.map { ($0.key, $0.value) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if error == nil { error = parseError }
    }
}
