import Reviewers
import Testing

/// The O*NET TSV is split on bytes when every CR belongs to a CR LF, by Characters otherwise; both
/// must read the same occupations and report the same line numbers.
@Suite("O*NET occupation data parsing")
struct OccupationCatalogueParsingTests {
    static func parse(_ text: String) -> OccupationCatalogue? {
        if case .success(let catalogue) = OccupationCatalogue.parse(tsv: text) { return catalogue }
        return nil
    }

    @Test func lineEndingsDoNotChangeTheData() throws {
        let rows = ["O*NET-SOC Code\tTitle\tDescription", "11-1011.00\tChief Executives\tDetermine and formulate policies.",
                    "", "51-1011.00\tFirst-Line Supervisors\tDirectly supervise and coordinate\tignored extra field", ""]
        for separator in ["\n", "\r\n"] {
            let catalogue = try #require(Self.parse(rows.joined(separator: separator)))
            #expect(catalogue.count == 2)
            #expect(catalogue["11-1011.00"]?.title == "Chief Executives")
            #expect(catalogue["51-1011.00"]?.description == "Directly supervise and coordinate")
        }
    }

    @Test func aLoneCarriageReturnStaysInsideItsField() throws {
        let catalogue = try #require(Self.parse("h\th\th\r\n11-1011.00\tChief\tTwo\rparts\r\n"))
        #expect(catalogue["11-1011.00"]?.description == "Two\rparts")
        let trailing = try #require(Self.parse("h\th\th\n11-1011.00\tChief\tEnds with CR\r"))
        #expect(trailing["11-1011.00"]?.description == "Ends with CR")
    }

    @Test func malformedLinesAreReportedWithTheirNumber() {
        for text in ["h\r\n11-1011.00\tok\tfine\r\nno tabs here\r\n", "h\n11-1011.00\tok\tfine\nno tabs here\n",
                     "h\r\n11-1011.00\tok\tfine\r\nno tabs\rhere\r\n"] {
            guard case .failure(let error) = OccupationCatalogue.parse(tsv: text) else {
                Issue.record("accepted \(text.debugDescription)")
                continue
            }
            #expect(error.line == 3)
        }
    }
}
