/// Writes one pretty-printed JSON object piece by piece — members, and arrays whose elements come
/// one at a time or already rendered — handing the bytes to `emit` in chunks, so a large document
/// (the review of 50,000 profiles) is never built or held whole. The bytes are exactly those of
/// `JSONValue.prettySerialized()` on the same object, followed by a newline.
///
/// ```swift
/// var stream = PrettyJSONStream { chunk in try handle.write(contentsOf: chunk) }
/// try stream.member("tool", .string("review-profile"))
/// try stream.beginArray("profiles")
/// for profile in profiles { try stream.element(profile) }
/// try stream.endArray()
/// try stream.finish()
/// ```
public struct PrettyJSONStream<Failure: Error> {
    private let emit: ([UInt8]) throws(Failure) -> Void
    private var buffer: [UInt8] = []
    private var members = 0
    private var elements = 0
    /// Bytes gathered before they are handed to `emit`.
    public var chunkSize = 1 << 20

    public init(emit: @escaping ([UInt8]) throws(Failure) -> Void) {
        self.emit = emit
        buffer.append(UInt8(ascii: "{"))
    }

    /// Depth of an element of an array member.
    public static var elementDepth: Int { 2 }

    /// The bytes of `value` as an element of an array member (render elements in parallel with it,
    /// then hand them over in order with `renderedElement`).
    public static func render(element value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        value.appendPretty(to: &output, depth: elementDepth)
        return output
    }

    public mutating func member(_ key: String, _ value: JSONValue) throws(Failure) {
        beginMember(key)
        value.appendPretty(to: &buffer, depth: 1)
        try flushIfFull()
    }

    public mutating func beginArray(_ key: String) throws(Failure) {
        beginMember(key)
        buffer.append(UInt8(ascii: "["))
        elements = 0
    }

    public mutating func element(_ value: JSONValue) throws(Failure) {
        startElement()
        value.appendPretty(to: &buffer, depth: Self.elementDepth)
        try flushIfFull()
    }

    /// An element already rendered by `render(element:)`.
    public mutating func renderedElement(_ bytes: [UInt8]) throws(Failure) {
        startElement()
        buffer += bytes
        try flushIfFull()
    }

    public mutating func endArray() throws(Failure) {
        if elements > 0 { JSONValue.appendNewline(to: &buffer, depth: 1) }
        buffer.append(UInt8(ascii: "]"))
        try flushIfFull()
    }

    /// Closes the object (and ends the text with a newline) and emits what is left.
    public mutating func finish() throws(Failure) {
        if members > 0 { JSONValue.appendNewline(to: &buffer, depth: 0) }
        buffer.append(UInt8(ascii: "}"))
        buffer.append(UInt8(ascii: "\n"))
        try emit(buffer)
        buffer = []
    }

    private mutating func beginMember(_ key: String) {
        if members > 0 { buffer.append(UInt8(ascii: ",")) }
        members += 1
        JSONValue.appendNewline(to: &buffer, depth: 1)
        JSONValue.appendString(key, to: &buffer)
        buffer.append(UInt8(ascii: ":"))
        buffer.append(UInt8(ascii: " "))
    }

    private mutating func startElement() {
        if elements > 0 { buffer.append(UInt8(ascii: ",")) }
        elements += 1
        JSONValue.appendNewline(to: &buffer, depth: Self.elementDepth)
    }

    private mutating func flushIfFull() throws(Failure) {
        guard buffer.count >= chunkSize else { return }
        try emit(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
