import Foundation
@testable import LocatedDocument
import Testing

/// The one JSON writer gives text that reads back as the value written, pretty or compact, at any
/// depth; the tree builder gives the value back.
@Suite("JSON builders")
struct JSONBuilderTests {
    /// A deterministic pseudo-random value: nested objects and arrays (empty ones too), escapes,
    /// U+2028, non-ASCII text, whole and fractional numbers.
    static func value(seed: inout UInt64, depth: Int) -> JSONValue {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        let pick = Int(seed >> 33) % (depth > 3 ? 6 : 8)
        switch pick {
        case 0: return .null
        case 1: return .bool(seed & 1 == 0)
        case 2: return .int(Int(truncatingIfNeeded: seed >> 20) - 1 << 40)
        case 3: return .double(seed & 1 == 0 ? 4 : 3.75)
        case 4: return .string(["", "plain", "quote \" and \\ slash", "tab\tnew\nline", "naïve \u{2028} café", "\u{1}"][Int(seed >> 40) % 6])
        case 5: return .string("x")
        case 6: return .array((0..<Int(seed >> 50) % 4).map { _ in value(seed: &seed, depth: depth + 1) })
        default: return .object((0..<Int(seed >> 50) % 4).map { index in ("k\(index) \"", value(seed: &seed, depth: depth + 1)) })
        }
    }

    @Test(arguments: 0..<40)
    func writtenTextReadsBackAsTheValue(seed: Int) throws {
        var state = UInt64(seed) &+ 0x9E37_79B9
        let value = JSONValue.object([("a", Self.value(seed: &state, depth: 0)), ("b", Self.value(seed: &state, depth: 0))])
        for text in [value.prettySerialized(), value.serialized()] {
            #expect(JSONValue(try JSONReader.read(Array(text.utf8))) == value, "\(text)")
        }
        #expect(!value.serialized().contains("\n"), "compact text has no line break")
        // Written `depth` levels deep, every line after the first is indented two spaces a level more.
        var deep: [UInt8] = []
        value.appendPretty(to: &deep, depth: 2)
        #expect(String(decoding: deep, as: UTF8.self) == value.prettySerialized().replacingOccurrences(of: "\n", with: "\n    "))
        var tree = JSONTreeBuilder()
        tree.replay(value)
        #expect(try #require(tree.value) == value)
    }

    /// Integers and whole doubles are written digit by digit, not through `String(_:)`: the same text.
    @Test func numbersAreSpelledAsStringSpellsThem() {
        let integers = [0, 1, 9, 10, 99, 100, 12_345, -1, -9, -10, -1_000_000, Int.max, Int.min, Int.max - 1, Int.min + 1]
        for integer in integers {
            #expect(JSONValue.int(integer).serialized() == String(integer))
            #expect(CanonicalJSON.serialize(DocumentNode(.integer(integer), at: SourceLocation(line: 1, column: 1))) == String(integer))
        }
        for whole in [0.0, -0.0, 1, 4, 5, -3, 1e14, -1e14, 999_999_999_999_999] {
            #expect(JSONValue.double(whole).serialized() == String(Int(whole)) + ".0", "\(whole)")
        }
        let others: [(Double, String)] = [(4.5, "4.5"), (-0.25, "-0.25"), (1e15, "1000000000000000.0"), (1e17, "1e+17"), (1e300, "1e+300"),
                                          (.infinity, "null"), (-.infinity, "null"), (.nan, "null")]
        for (other, text) in others {
            #expect(JSONValue.double(other).serialized() == text, "\(other)")
        }
    }

    @Test func anUnfinishedTreeHasNoValue() {
        var tree = JSONTreeBuilder()
        tree.beginArray()
        tree.int(1)
        #expect(tree.value == nil)
        tree.endArray()
        #expect(tree.value == .array([.int(1)]))
    }

    /// The escaper reads eight bytes at a time: every escape at every offset of a longer run is still found.
    @Test func escapesAreFoundAtEveryOffset() {
        for special in ["\"", "\\", "\n", "\u{1}", "\u{1F}", "\u{2028}", "\u{2029}", "\u{2027}", "é", "\u{7F}", " "] {
            for offset in 0..<20 {
                let text = String(repeating: "a", count: offset) + special + String(repeating: "b", count: 19 - offset) + special
                #expect(JSONValue.string(text).serialized() == JSONWriterTests.referenceString(text), "\(special.unicodeScalars.map(\.value)) at \(offset)")
            }
        }
    }
}
