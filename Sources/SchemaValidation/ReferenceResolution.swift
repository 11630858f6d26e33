import LocatedDocument

/// Where every schema resource (`$id`) and anchor (`$anchor`) of one schema document lives, and the
/// base URI in effect at each subschema, so `$ref` can be resolved without any network access.
///
/// Pointers here always use `.key` tokens (array positions as their decimal text), so a pointer
/// built from a `$ref` fragment and one built while walking the document compare equal.
struct SchemaIndex {
    /// The base URI of a document without `$id`: relative references against it cannot match
    /// anything but the document itself.
    static let defaultBase = URIReference("urn:review-profile:schema")

    private(set) var resources: [String: JSONPointer] = [:]
    private(set) var anchors: [String: JSONPointer] = [:]
    private(set) var baseByPointer: [JSONPointer: URIReference] = [:]

    /// Keywords whose value is one subschema.
    static let singleSchemaKeywords: Set<String> = [
        "additionalProperties", "propertyNames", "items", "contains", "not", "if", "then", "else",
        "unevaluatedItems", "unevaluatedProperties", "contentSchema", "additionalItems",
    ]
    /// Keywords whose value is an object of subschemas.
    static let schemaMapKeywords: Set<String> = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]
    /// Keywords whose value is an array of subschemas (`items` too, in its draft-04 tuple form).
    static let schemaArrayKeywords: Set<String> = ["prefixItems", "allOf", "anyOf", "oneOf", "items"]

    init(root: DocumentNode) {
        walk(root, pointer: .root, base: Self.defaultBase)
        if resources[Self.defaultBase.text] == nil {
            resources[Self.defaultBase.text] = .root
        }
    }

    private mutating func walk(_ node: DocumentNode, pointer: JSONPointer, base inherited: URIReference) {
        guard case .object(let members) = node.value else { return }
        var base = inherited
        if let id = node["$id"]?.stringValue {
            let resolved = inherited.resolving(URIReference(id))
            if id.hasPrefix("#") {
                // Draft-06/07 style `"$id": "#name"` names a plain-name anchor, not a new resource.
                if id.count > 1 { anchors[inherited.withoutFragment.text + id] = pointer }
            } else {
                base = resolved.withoutFragment
                if resources[base.text] == nil { resources[base.text] = pointer }
            }
        }
        if pointer == .root, resources[base.text] == nil {
            resources[base.text] = .root
        }
        if let anchor = node["$anchor"]?.stringValue {
            let key = base.text + "#" + anchor
            if anchors[key] == nil { anchors[key] = pointer }
        }
        baseByPointer[pointer] = base
        for member in members {
            let childPointer = pointer.appending(member.key)
            if Self.singleSchemaKeywords.contains(member.key) {
                walk(member.value, pointer: childPointer, base: base)
            }
            if Self.schemaMapKeywords.contains(member.key), case .object(let entries) = member.value.value {
                for entry in entries {
                    walk(entry.value, pointer: childPointer.appending(entry.key), base: base)
                }
            }
            if Self.schemaArrayKeywords.contains(member.key), case .array(let items) = member.value.value {
                for (index, item) in items.enumerated() {
                    walk(item, pointer: childPointer.appending(String(index)), base: base)
                }
            }
        }
    }

    /// The base URI in effect at `pointer` (including that schema's own `$id`).
    func base(at pointer: JSONPointer) -> URIReference {
        var tokens = pointer.tokens
        while true {
            if let base = baseByPointer[JSONPointer(tokens)] { return base }
            if tokens.isEmpty { return Self.defaultBase }
            tokens.removeLast()
        }
    }

    enum Resolution {
        case found(JSONPointer)
        case outsideDocument(String)
        case missing(String)
    }

    /// The schema-document pointer that `reference` (as written in the schema at `pointer`) names.
    func resolve(_ reference: String, from pointer: JSONPointer) -> Resolution {
        let absolute = base(at: pointer).resolving(URIReference(reference))
        let documentURI = absolute.withoutFragment.text
        guard let resource = resources[documentURI] else {
            return .outsideDocument(absolute.text)
        }
        let fragment = absolute.fragment ?? ""
        if fragment.isEmpty {
            return .found(resource)
        }
        if fragment.hasPrefix("/") {
            guard let relative = JSONPointer(parsing: Substring(percentDecoded(Substring(fragment)))) else {
                return .missing(absolute.text)
            }
            return .found(JSONPointer(resource.tokens + relative.tokens))
        }
        if let anchored = anchors[documentURI + "#" + percentDecoded(Substring(fragment))] {
            return .found(anchored)
        }
        return .missing(absolute.text)
    }
}
