/// A receiver of JSON written value by value, in document order. A reporter that describes its
/// output once, as calls on a builder, gets from that one description both bytes written straight
/// out (``PrettyJSONWriter``, no tree built and freed) and a `JSONValue` (``JSONTreeBuilder``) for
/// documents that embed it.
///
/// Calls must nest: every `beginObject`/`beginArray` is closed by its `end`, and inside an object
/// every value is preceded by `key`.
public protocol JSONBuilder {
    mutating func beginObject()
    mutating func endObject()
    mutating func beginArray()
    mutating func endArray()
    /// The key of the open object's next member; the next value call gives its value.
    mutating func key(_ key: String)
    mutating func null()
    mutating func bool(_ value: Bool)
    mutating func int(_ value: Int)
    mutating func double(_ value: Double)
    mutating func string(_ value: String)
    /// A value already built as a tree.
    mutating func value(_ value: JSONValue)
}

extension JSONBuilder {
    @inlinable
    public mutating func member(_ key: String, _ value: String) {
        self.key(key)
        string(value)
    }

    /// A string member, or null when `value` is nil.
    @inlinable
    public mutating func member(_ key: String, _ value: String?) {
        self.key(key)
        if let value { string(value) } else { null() }
    }

    @inlinable
    public mutating func member(_ key: String, _ value: Int) {
        self.key(key)
        int(value)
    }

    @inlinable
    public mutating func member(_ key: String, _ value: Double) {
        self.key(key)
        double(value)
    }

    @inlinable
    public mutating func member(_ key: String, _ value: Bool) {
        self.key(key)
        bool(value)
    }

    /// A member whose value `body` writes.
    @inlinable
    public mutating func member(_ key: String, with body: (inout Self) -> Void) {
        self.key(key)
        body(&self)
    }

    /// An object whose members `body` writes.
    @inlinable
    public mutating func object(_ body: (inout Self) -> Void) {
        beginObject()
        body(&self)
        endObject()
    }

    /// An array of one value per element of `elements`, each written by `body`.
    @inlinable
    public mutating func array<Elements: Sequence>(_ elements: Elements, _ body: (inout Self, Elements.Element) -> Void) {
        beginArray()
        for element in elements { body(&self, element) }
        endArray()
    }

    /// An array of strings.
    @inlinable
    public mutating func array<Elements: Sequence<String>>(_ strings: Elements) {
        beginArray()
        for text in strings { string(text) }
        endArray()
    }

    /// `value` as builder calls, node by node.
    public mutating func replay(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .int(let number): int(number)
        case .double(let number): double(number)
        case .string(let text): string(text)
        case .array(let items): array(items) { $0.replay($1) }
        case .object(let members):
            object { builder in
                for (key, member) in members {
                    builder.key(key)
                    builder.replay(member)
                }
            }
        }
    }
}

/// Builds a `JSONValue` from builder calls.
public struct JSONTreeBuilder: JSONBuilder {
    private enum Frame {
        case array([JSONValue])
        case object([(String, JSONValue)], key: String?)
    }

    private var frames: [Frame] = []
    private var result: JSONValue?

    public init() {}

    /// The value built; nil until a complete top-level value was written.
    public var value: JSONValue? { frames.isEmpty ? result : nil }

    public mutating func beginObject() { frames.append(.object([], key: nil)) }
    public mutating func beginArray() { frames.append(.array([])) }

    public mutating func endObject() {
        guard case .object(let members, _) = frames.popLast() else { preconditionFailure("endObject without beginObject") }
        add(.object(members))
    }

    public mutating func endArray() {
        guard case .array(let items) = frames.popLast() else { preconditionFailure("endArray without beginArray") }
        add(.array(items))
    }

    public mutating func key(_ key: String) {
        guard case .object(let members, nil) = frames.popLast() else { preconditionFailure("key outside an object") }
        frames.append(.object(members, key: key))
    }

    public mutating func null() { add(.null) }
    public mutating func bool(_ value: Bool) { add(.bool(value)) }
    public mutating func int(_ value: Int) { add(.int(value)) }
    public mutating func double(_ value: Double) { add(.double(value)) }
    public mutating func string(_ value: String) { add(.string(value)) }
    public mutating func value(_ value: JSONValue) { add(value) }

    private mutating func add(_ value: JSONValue) {
        switch frames.popLast() {
        case nil:
            result = value
        case .array(var items):
            items.append(value)
            frames.append(.array(items))
        case .object(var members, let key?):
            members.append((key, value))
            frames.append(.object(members, key: nil))
        case .object(_, nil):
            preconditionFailure("a member value without its key")
        }
    }
}

/// Writes builder calls as JSON bytes, pretty (two spaces per level, `": "` after keys) or, with
/// `indented: false`, compact. It is the one JSON layout: `JSONValue`'s serializations replay the
/// value into it, and reporters write into it directly, without building a tree.
public struct PrettyJSONWriter: JSONBuilder {
    public internal(set) var bytes: [UInt8] = []
    /// The depth the written value sits at in its document (its inner lines are indented for it).
    private let baseDepth: Int
    private let indented: Bool
    /// The innermost open container holds a value already (the next one is preceded by a comma).
    private var hasValues = false
    /// `hasValues` of each enclosing container, saved when the one inside it opened (one entry per
    /// open container, so its count is the depth): the stack is touched only to open and close,
    /// not for every value.
    private var enclosingHasValues: [Bool] = []
    /// A key was written and its value is next (no separator, no line break before it).
    private var afterKey = false

    public init(depth: Int = 0, capacity: Int = 0, indented: Bool = true) {
        self.baseDepth = depth
        self.indented = indented
        bytes.reserveCapacity(capacity)
    }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    public mutating func key(_ key: String) {
        startValue()
        JSONValue.writeString(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        if indented { bytes.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    public mutating func null() {
        startValue()
        append("null")
    }

    public mutating func bool(_ value: Bool) {
        startValue()
        append(value ? "true" : "false")
    }

    public mutating func int(_ value: Int) {
        startValue()
        JSONValue.appendDecimal(value, to: &bytes)
    }

    public mutating func double(_ value: Double) {
        startValue()
        // Whole numbers (every score) as `format` spells them, digits written straight in.
        if JSONValue.isWhole(value) {
            JSONValue.appendDecimal(Int(value), to: &bytes)
            append(".0")
        } else {
            JSONValue.append(JSONValue.format(value), to: &bytes)
        }
    }

    public mutating func string(_ value: String) {
        startValue()
        JSONValue.writeString(value, to: &bytes)
    }

    public mutating func value(_ value: JSONValue) {
        replay(value)
    }

    /// The separator and line break before a value in a container (none after a key or at the top).
    @inline(__always)
    private mutating func startValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard !enclosingHasValues.isEmpty else { return }
        if hasValues { bytes.append(UInt8(ascii: ",")) }
        hasValues = true
        if indented { JSONValue.appendNewline(to: &bytes, depth: baseDepth + enclosingHasValues.count) }
    }

    @inline(__always)
    private mutating func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func open(_ bracket: UInt8) {
        startValue()
        bytes.append(bracket)
        enclosingHasValues.append(hasValues)
        hasValues = false
    }

    private mutating func close(_ bracket: UInt8) {
        guard let enclosing = enclosingHasValues.popLast() else { preconditionFailure("a close without its open") }
        if hasValues, indented { JSONValue.appendNewline(to: &bytes, depth: baseDepth + enclosingHasValues.count) }
        hasValues = enclosing
        bytes.append(bracket)
    }
}
