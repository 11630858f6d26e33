@testable import LocatedDocument
import Testing

/// The byte-level JSON writers against the scalar-by-scalar definition of the escapes and the
/// UTF-16 key order of canonical JSON.
@Suite("JSON writer")
struct JSONWriterTests {
    static func referenceString(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{2028}", "\u{2029}", "\u{0}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    @Test func stringsAreEscapedAsDefined() {
        let texts = ["", "plain", "quote \" backslash \\ slash /", "tab\tnew\nline\r\u{0}\u{1}\u{1F}\u{7F}",
                     "line sep \u{2028} para \u{2029} and \u{2027}\u{202A} neighbours", "é 中 👍🏽 \u{E000} \u{FFFF} \u{10000}",
                     "\u{2028}", "ends with \\"]
        for text in texts {
            #expect(JSONValue.string(text).serialized() == Self.referenceString(text))
        }
        // Short strings go in whole when nothing needs an escape: every length around the eight-byte
        // steps and the short-string limit, with the character to escape first, last or absent.
        for length in 0...64 {
            let plain = String(repeating: "k", count: length)
            for special in ["", "\"", "\\", "\n", "\u{1}", "\u{2028}", "\u{2029}", "–", "é"] {
                for text in [plain + special, special + plain] {
                    #expect(JSONValue.string(text).serialized() == Self.referenceString(text), "\(text.debugDescription)")
                }
            }
        }
    }

    @Test func prettyAndCompactLayout() {
        let value = JSONValue.object([("a", .array([.int(1), .double(2), .null])), ("b", .object([])), ("c", .array([])), ("d", .bool(true))])
        #expect(value.serialized() == #"{"a":[1,2.0,null],"b":{},"c":[],"d":true}"#)
        #expect(value.prettySerialized() == "{\n  \"a\": [\n    1,\n    2.0,\n    null\n  ],\n  \"b\": {},\n  \"c\": [],\n  \"d\": true\n}")
    }

    @Test func canonicalKeysSortByUTF16() {
        let keys = ["b", "a", "\u{E000}", "\u{10000}", "aa", "", "é", "z", "\u{FFFF}", "\u{1F600}x", "\u{1F600}"]
        for a in keys {
            for b in keys {
                #expect(CanonicalJSON.utf16Precedes(a, b) == a.utf16.lexicographicallyPrecedes(b.utf16), "\(a) \(b)")
            }
        }
        let node = DocumentNode(.object(keys.map {
            DocumentNode.Member(key: $0, keyLocation: .startOfFile, value: DocumentNode(.integer(1)))
        }))
        let expected = "{" + keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
            .map { Self.referenceString($0) + ":1" }.joined(separator: ",") + "}"
        #expect(CanonicalJSON.serialize(node) == expected)
    }

    /// The member order compares keys on their first eight bytes at once: keys that share those
    /// bytes, differ past them, are shorter than eight bytes, hold NUL, or differ in a byte at or
    /// above 0xEE (where byte order and UTF-16 order part) come out in UTF-16 order all the same,
    /// for objects small enough for the insertion sort and large ones.
    @Test func memberOrderIsUTF16OrderOnKeysThatShareOrSplitTheirFirstEightBytes() {
        let keys = ["abcdefgh", "abcdefghi", "abcdefgg", "abcdefgh\u{E000}", "abcdefgh\u{10000}", "abcdefg", "abc\u{0}", "abc",
                    "abc\u{0}d", "\u{E000}", "\u{10000}", "\u{FFFF}a", "\u{1F600}", "é", "ée", "", "zzzzzzzzzz", "Z", "a\u{E000}",
                    "a\u{10000}", "a\u{FF61}", "a\u{1F600}", "level_code", "level", "levels", "responsibilities"]
        let expected = keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
        for count in [0, 1, 2, 5, keys.count] {
            let subset = Array(keys.prefix(count))
            let members = subset.map { DocumentNode.Member(key: $0, keyLocation: .startOfFile, value: DocumentNode(.null)) }
            #expect(CanonicalJSON.sortedOrder(members).map { subset[$0] } == expected.filter(subset.contains), "\(count) keys")
        }
        var many = keys
        for round in 0..<3 { many += keys.map { "\($0)\(round)" } }
        let members = many.map { DocumentNode.Member(key: $0, keyLocation: .startOfFile, value: DocumentNode(.null)) }
        #expect(many.count > 32)
        #expect(CanonicalJSON.sortedOrder(members).map { many[$0] } == many.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) })
    }
}
