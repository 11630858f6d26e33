@testable import LocatedDocument
import Testing

/// Both builders replay a value exactly: the writer gives the bytes `appendPretty` gives at any
/// depth, the tree builder gives the value back.
@Suite("JSON builders")
struct JSONBuilderTests {
    /// Replays `value` as builder calls; `asTreeBelow` hands subtrees at that depth over whole, through `value(_:)`.
    static func replay<Builder: JSONBuilder>(_ value: JSONValue, into builder: inout Builder, depth: Int = 0, asTreeBelow: Int = .max) {
        if depth >= asTreeBelow {
            builder.value(value)
            return
        }
        switch value {
        case .null: builder.null()
        case .bool(let flag): builder.bool(flag)
        case .int(let number): builder.int(number)
        case .double(let number): builder.double(number)
        case .string(let text): builder.string(text)
        case .array(let items):
            builder.array(items) { builder, item in replay(item, into: &builder, depth: depth + 1, asTreeBelow: asTreeBelow) }
        case .object(let members):
            builder.object { builder in
                for (key, member) in members {
                    builder.member(key) { replay(member, into: &$0, depth: depth + 1, asTreeBelow: asTreeBelow) }
                }
            }
        }
    }

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
    func theWriterGivesThePrettyBytesAndTheTreeBuilderTheValue(seed: Int) throws {
        var state = UInt64(seed) &+ 0x9E37_79B9
        let value = JSONValue.object([("a", Self.value(seed: &state, depth: 0)), ("b", Self.value(seed: &state, depth: 0))])
        for depth in [0, 2] {
            for asTreeBelow in [Int.max, 2] {
                var writer = PrettyJSONWriter(depth: depth)
                Self.replay(value, into: &writer, asTreeBelow: asTreeBelow)
                var expected: [UInt8] = []
                value.appendPretty(to: &expected, depth: depth)
                #expect(writer.bytes == expected, "depth \(depth), trees below \(asTreeBelow)")
            }
        }
        var tree = JSONTreeBuilder()
        Self.replay(value, into: &tree)
        #expect(try #require(tree.value) == value)
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
