import Testing
import TextAnalysis

@Suite("TextLocation")
struct TextLocationTests {
    @Test func columnsCountUnicodeScalars() {
        let text = "Naïve 👩‍🔬 checks pH"
        let tokens = Tokenizer.tokenize(text)
        // "Naïve " is 6 scalars; 👩‍🔬 is 3 scalars plus a space.
        #expect(tokens.map { TextLocation.column(of: $0.range.lowerBound, in: text) } == [0, 10, 17])
        #expect(TextLocation.scalarOffset(of: text.endIndex, in: text) == text.unicodeScalars.count)
        #expect(TextLocation.column(of: text.startIndex, in: text) == 0)
    }

    @Test func columnsRestartOnEachLine() {
        let text = "first line\nsecond\r\nthird\rfourth x"
        let tokens = Tokenizer.tokenize(text)
        let positions = tokens.map { TextLocation.position(of: $0.range.lowerBound, in: text) }
        #expect(positions.map(\.line) == [0, 0, 1, 2, 3, 3])
        #expect(positions.map(\.column) == [0, 6, 0, 0, 0, 7])
        #expect(TextLocation.scalarOffset(of: tokens[3].range.lowerBound, in: text) == 19)
    }
}
