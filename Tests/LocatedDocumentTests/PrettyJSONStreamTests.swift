import LocatedDocument
import Testing

/// The streamed document is byte for byte the pretty serialization of the same object, however
/// small the chunks and whichever way the elements come (as values or rendered in advance).
@Suite("Pretty JSON stream")
struct PrettyJSONStreamTests {
    static let element: JSONValue = .object([
        ("id", .string("A.B.P1")), ("scores", .object([("x", .double(4)), ("y", .double(4.5))])),
        ("findings", .array([.object([("rule", .string("vague \"language\"\n")), ("line", .int(3))])])), ("none", .array([])),
        ("empty", .object([])), ("flag", .bool(true)), ("nothing", .null),
    ])

    static func streamed(_ members: [(String, JSONValue)], chunkSize: Int, rendered: Bool) -> (text: String, chunks: Int) {
        var output: [UInt8] = []
        var chunks = 0
        var stream = PrettyJSONStream { (chunk: [UInt8]) throws(Never) in
            output += chunk
            chunks += 1
        }
        stream.chunkSize = chunkSize
        for (key, value) in members {
            if case .array(let items) = value, key == "profiles" {
                stream.beginArray(key)
                for item in items {
                    if rendered { stream.renderedElement(PrettyJSONStream<Never>.render(element: item)) } else { stream.element(item) }
                }
                stream.endArray()
            } else {
                stream.member(key, value)
            }
        }
        stream.finish()
        return (String(decoding: output, as: UTF8.self), chunks)
    }

    @Test(arguments: [0, 1, 3], [1, 64, 1 << 20])
    func streamedEqualsPrettySerialized(elements: Int, chunkSize: Int) {
        let members: [(String, JSONValue)] = [
            ("tool", .object([("name", .string("review-profile"))])),
            ("profiles", .array(Array(repeating: Self.element, count: elements))),
            ("summary", .object([("approved", .int(elements))])),
        ]
        let expected = JSONValue.object(members).prettySerialized() + "\n"
        for rendered in [false, true] {
            let (text, chunks) = Self.streamed(members, chunkSize: chunkSize, rendered: rendered)
            #expect(text == expected)
            if chunkSize == 1 { #expect(chunks > 3, "small chunks are emitted as they fill") }
        }
    }

    @Test func anEmptyObjectIsTwoBraces() {
        #expect(Self.streamed([], chunkSize: 16, rendered: false).text == JSONValue.object([]).prettySerialized() + "\n")
    }
}
