import LocatedDocument

/// Reads typed fields out of a schema-checked document and records a diagnostic, instead of
/// crashing, for anything that is still not the expected shape (for example when a rubric's schema
/// was loosened and no longer guarantees it).
struct DecodingContext {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    mutating func fail(_ node: DocumentNode, _ pointer: JSONPointer, code: String, _ message: String, hint: String? = nil) {
        diagnostics.append(
            Diagnostic(file: file, location: node.location, pointer: pointer, code: code, message: message, hint: hint)
        )
    }

    /// The member `key` of `node`; records `missing_key` when it is required and absent.
    mutating func child(_ node: DocumentNode, _ key: String, _ pointer: JSONPointer, required: Bool = true) -> DocumentNode? {
        if let child = node[key] { return child }
        if required {
            fail(node, pointer, code: "required", "missing required key \"\(key)\"")
        }
        return nil
    }

    mutating func string(_ node: DocumentNode, _ key: String, _ pointer: JSONPointer, required: Bool = true) -> Located<String>? {
        scalar(node, key, pointer, required: required, expected: "a string") { $0.stringValue }
    }

    mutating func integer(_ node: DocumentNode, _ key: String, _ pointer: JSONPointer, required: Bool = true) -> Located<Int>? {
        scalar(node, key, pointer, required: required, expected: "an integer") { $0.intValue }
    }

    mutating func number(_ node: DocumentNode, _ key: String, _ pointer: JSONPointer, required: Bool = true) -> Located<Double>? {
        scalar(node, key, pointer, required: required, expected: "a number") { $0.doubleValue }
    }

    /// The member `key` read by `extract`; records a `type` diagnostic when it has another type.
    private mutating func scalar<Value: Sendable>(
        _ node: DocumentNode, _ key: String, _ pointer: JSONPointer, required: Bool, expected: String,
        _ extract: (DocumentNode) -> Value?
    ) -> Located<Value>? {
        guard let child = child(node, key, pointer, required: required) else { return nil }
        guard let value = extract(child) else {
            fail(child, pointer.appending(key), code: "type", "expected \(expected), found \(child.typeName)")
            return nil
        }
        return Located(value, at: child.location)
    }

    /// The items of the array `key` (empty when absent and optional).
    mutating func array(_ node: DocumentNode, _ key: String, _ pointer: JSONPointer, required: Bool = true) -> [DocumentNode] {
        guard let child = child(node, key, pointer, required: required) else { return [] }
        guard let items = child.arrayValue else {
            fail(child, pointer.appending(key), code: "type", "expected an array, found \(child.typeName)")
            return []
        }
        return items
    }

    mutating func strings(_ node: DocumentNode, _ key: String, _ pointer: JSONPointer, required: Bool = true) -> [Located<String>] {
        let items = array(node, key, pointer, required: required)
        var result: [Located<String>] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            if let text = item.stringValue {
                result.append(Located(text, at: item.location))
            } else {
                fail(item, pointer.appending(key).appending(index), code: "type", "expected a string, found \(item.typeName)")
            }
        }
        return result
    }

    mutating func object(_ node: DocumentNode, _ key: String, _ pointer: JSONPointer, required: Bool = true) -> DocumentNode? {
        guard let child = child(node, key, pointer, required: required) else { return nil }
        guard child.objectValue != nil else {
            fail(child, pointer.appending(key), code: "type", "expected an object, found \(child.typeName)")
            return nil
        }
        return child
    }
}
