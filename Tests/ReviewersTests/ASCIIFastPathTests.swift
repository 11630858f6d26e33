import Testing
import TextAnalysis
@testable import Reviewers

/// The rules' ASCII fast paths (source URL keys, publisher names, MinHash word hashes) must give
/// exactly what the general, Unicode-aware paths give.
@Suite("ASCII fast paths agree with the general paths")
struct ASCIIFastPathTests {
    static let urls = [
        "https://www.onetonline.org/link/summary/51-1011.00", "HTTP://WWW.OnetOnline.org/link/summary/51-1011.00/",
        "http://www.onetonline.org/link/summary/51-1011.00/#tasks", "https://http://example.org//", "https://",
        "www.", "", "/", "###", "ftp://www.example.org/a#b/", "https://www.ecfr.gov/current/title-21/part-211",
        "https:/missing-slash.org", "HTTPS://WWW.", "https://www.www.example.org",
    ]

    @Test func sourceURLKeysAreTheGeneralKeys() {
        for url in Self.urls {
            #expect(SourceURLKey.normalised(url) == SourceURLKey.generalKey(url), "\(url)")
        }
        #expect(SourceURLKey.normalised("https://www.Example.org/a/#x") == "example.org/a")
        // Non-ASCII URLs take the general path.
        #expect(SourceURLKey.normalised("https://www.BÜCHER.de/") == "bücher.de")
    }

    static let publishers = [
        "O*NET", "o*net ", "  FDA (eCFR)", "U.S. Bureau of Labor\tStatistics\n", "FDA(eCFR)", "(only)", ")",
        "a  b   c", "", "   ", "ISPE (", "A (b) (c)", "trailing )", "CRLF\r\nname",
    ]

    @Test func publisherNamesAreTheGeneralNames() {
        for publisher in Self.publishers {
            #expect(FewIndependentSourcesRule.normalised(publisher) == FewIndependentSourcesRule.generalNormalised(publisher),
                    "\(publisher)")
        }
        #expect(FewIndependentSourcesRule.normalised("  FDA (eCFR)") == "fda")
    }

    @Test func asciiWordHashesAreTheScalarPathsHashes() {
        let texts = [
            "Supervises gowning and aseptic manipulations in the ISO 7 cleanroom",
            "Checks pH, dissolved O2, 1,000 L and 99.5% yield", "CAPA/change single-use S.U.B.", "", "  --  ", "A",
            "trailing word",
        ]
        for text in texts {
            // Appending a non-ASCII word sends the text down the scalar path; its hashes must be the
            // ASCII path's followed by the extra word's.
            let ascii = MinHashScheme.wordHashes(text)
            let general = MinHashScheme.wordHashes(text + " é")
            #expect(Array(general.dropLast()) == ascii, "\(text)")
            #expect(general.last == MinHashScheme.wordHashes("é").first)
        }
        #expect(MinHashScheme.wordHashes("Batch RECORD") == MinHashScheme.wordHashes("batch record"))
    }

    /// Clause starts compare only stopword tokens with the joiners ("and", "or", "then", "while").
    @Test func clauseJoinersAreStopwords() {
        for joiner in ["and", "or", "then", "while"] { #expect(Stopwords.contains(joiner), "\(joiner)") }
    }
}
