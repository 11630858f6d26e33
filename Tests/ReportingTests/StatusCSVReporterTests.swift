import Reporting
import Testing

@Suite("Status CSV reporter")
struct StatusCSVReporterTests {
    let output = StatusCSVReporter.render(StatusTestFixture.report)

    @Test func matchesExpectedOutput() throws {
        #expect(try StatusTestFixture.check(output, against: "status.csv"))
    }

    @Test func rowsEndInCRLFAndHaveTheHeadersColumns() {
        #expect(output.hasSuffix("\r\n"))
        let rows = Self.parse(output)
        #expect(rows.count == 1 + 4 + 1)
        #expect(rows.allSatisfy { $0.count == StatusCSVReporter.header.count })
        #expect(rows[0] == StatusCSVReporter.header)
    }

    @Test func formulaCellsAreNeutralised() throws {
        let rows = Self.parse(output)
        let hostile = try #require(rows.first { $0[0].hasPrefix("HOSTIL1.") })
        #expect(hostile[0] == "HOSTIL1.\(StatusTestFixture.script).P1")
        #expect(hostile.last == "'" + StatusTestFixture.formula)
        for cell in rows.joined() {
            #expect(!["=", "+", "-", "@", "\t", "\r"].contains(cell.unicodeScalars.first.map(Character.init)), "\(cell)")
        }
    }

    @Test func fieldsAreQuotedAndNeutralisedPerRFC4180() {
        #expect(StatusCSVReporter.field("plain") == "plain")
        #expect(StatusCSVReporter.field("a,b") == "\"a,b\"")
        #expect(StatusCSVReporter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(StatusCSVReporter.field("two\nlines") == "\"two\nlines\"")
        #expect(StatusCSVReporter.field("-1+2") == "'-1+2")
        #expect(StatusCSVReporter.field("@SUM(A1:A9)") == "'@SUM(A1:A9)")
        #expect(StatusCSVReporter.field("+cmd") == "'+cmd")
        #expect(StatusCSVReporter.field("\t=1") == "'\t=1")
        #expect(StatusCSVReporter.field("\r=1") == "\"'\r=1\"")
        #expect(StatusCSVReporter.field("=1,2") == "\"'=1,2\"")
        #expect(StatusCSVReporter.field("") == "")
    }

    /// A strict RFC 4180 reader: CRLF between records, quotes doubled inside quoted fields.
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" { field.unicodeScalars.append(scalars.removeFirst()) } else { quoted = false }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                row.append(field)
                field = ""
            } else if scalar == "\r", scalars.first == "\n" {
                scalars.removeFirst()
                row.append(field)
                rows.append(row)
                (row, field) = ([], "")
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        return rows
    }
}
