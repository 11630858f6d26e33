import Reporting
import Testing

@Suite("Status Markdown reporter")
struct StatusMarkdownReporterTests {
    let output = StatusMarkdownReporter.render(StatusTestFixture.report)

    @Test func matchesExpectedOutput() throws {
        #expect(try StatusTestFixture.check(output, against: "status.md"))
    }

    @Test func hostileProfileTextRendersAsText() {
        #expect(!output.lowercased().contains("<script"))
        #expect(!output.lowercased().contains("<img"))
        #expect(output.contains("HOSTIL1.&lt;script&gt;alert(1)&lt;/script&gt;.P1"))
        #expect(output.contains("signature does not verify; \"&gt;&lt;img src=x onerror=alert(1)&gt;"))
    }

    /// Every row of the level table has exactly the header's columns: escaped pipes cannot add cells.
    @Test func tableRowsKeepTheirColumns() {
        let rows = output.split(separator: "\n").filter { $0.hasPrefix("| WAREHO1") || $0.hasPrefix("| HOSTIL1") || $0.hasPrefix("| level profile |") }
        #expect(rows.count == 5)
        let cells = rows.map { row in
            var count = 0
            var escaped = false
            for character in row {
                if character == "|" && !escaped { count += 1 }
                escaped = character == "\\" && !escaped
            }
            return count
        }
        #expect(Set(cells) == [12])
    }
}
