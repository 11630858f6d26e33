import LocatedDocument

/// Turns a schema document into a `SchemaProgram`: every subschema is compiled once (memoised by its
/// pointer, which also makes recursive `$ref`s terminate), regexes are compiled, references resolved.
struct SchemaCompiler {
    let document: DocumentNode
    let options: SchemaOptions
    let index: SchemaIndex
    private(set) var nodes: [CompiledNode] = []
    private var compiled: [JSONPointer: SchemaID] = [:]

    /// Keywords of other drafts or vocabularies that change validation results; ignoring them would
    /// silently accept documents the schema author meant to reject.
    static let unsupportedKeywords: Set<String> = [
        "unevaluatedProperties", "unevaluatedItems", "$dynamicRef", "$dynamicAnchor",
        "$recursiveRef", "$recursiveAnchor", "dependencies", "additionalItems",
    ]

    init(document: DocumentNode, options: SchemaOptions) {
        self.document = document
        self.options = options
        self.index = SchemaIndex(root: document)
    }

    mutating func compileProgram() throws(SchemaError) -> SchemaProgram {
        let root = try compile(document, at: .root)
        try rejectNonTerminatingLoops()
        return SchemaProgram(nodes: nodes, root: root)
    }

    /// Compiles the subschema `node` found at `pointer`, or returns the already compiled one.
    mutating func compile(_ node: DocumentNode, at pointer: JSONPointer) throws(SchemaError) -> SchemaID {
        if let existing = compiled[pointer] { return existing }
        let id = nodes.count
        compiled[pointer] = id
        nodes.append(CompiledNode(keywords: [], pointer: pointer, location: node.location))
        var keywords: [Keyword]
        switch node.value {
        case .bool(true):
            keywords = []
        case .bool(false):
            keywords = [.never]
        case .object(let members):
            keywords = try compileKeywords(of: node, members: members, at: pointer)
        default:
            throw SchemaError(message: "expected a schema (an object or a boolean), found \(node.typeName)",
                              schemaPointer: pointer, location: node.location)
        }
        keywords.sort { $0.cost < $1.cost }
        nodes[id].keywords = keywords
        return id
    }

    mutating func compileReference(_ value: DocumentNode, at pointer: JSONPointer) throws(SchemaError) -> SchemaID {
        guard let reference = value.stringValue else {
            throw SchemaError(message: "expected $ref to be a string, found \(value.typeName)", schemaPointer: pointer, location: value.location)
        }
        switch index.resolve(reference, from: pointer.removingLast()) {
        case .found(let targetPointer):
            guard let target = targetPointer.resolve(in: document) else {
                throw SchemaError(message: "$ref \"\(reference)\" points to \(targetPointer.description.isEmpty ? "the root" : targetPointer.description), which does not exist in this schema",
                                  schemaPointer: pointer, location: value.location)
            }
            return try compile(target, at: targetPointer)
        case .outsideDocument(let uri):
            throw SchemaError(message: "$ref \"\(reference)\" refers to \(uri), outside this schema document; external references are not supported (no network access)",
                              schemaPointer: pointer, location: value.location)
        case .missing(let uri):
            throw SchemaError(message: "$ref \"\(reference)\" (\(uri)) does not name a location or anchor in this schema",
                              schemaPointer: pointer, location: value.location)
        }
    }

    /// A loop of `$ref`/`allOf`/… that returns to a schema without moving to a child instance would
    /// recurse forever at validation time, so it is a schema error.
    private func rejectNonTerminatingLoops() throws(SchemaError) {
        enum Mark { case visiting, done }
        var marks = [Mark?](repeating: nil, count: nodes.count)
        // An explicit stack (rather than recursion) keeps deep schemas from exhausting the stack.
        for start in nodes.indices where marks[start] == nil {
            var stack: [(SchemaID, [SchemaID], Int)] = [(start, nodes[start].keywords.flatMap(\.sameInstanceSubschemas), 0)]
            marks[start] = .visiting
            while let (id, successors, next) = stack.last {
                if next == successors.count {
                    marks[id] = .done
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].2 += 1
                let successor = successors[next]
                switch marks[successor] {
                case .visiting:
                    let node = nodes[successor]
                    throw SchemaError(message: "the schema at \(node.pointer.description.isEmpty ? "#" : "#" + node.pointer.description) refers back to itself (through $ref or a combinator) without descending into the instance; validation would never end",
                                      schemaPointer: node.pointer, location: node.location)
                case .done:
                    continue
                case nil:
                    marks[successor] = .visiting
                    stack.append((successor, nodes[successor].keywords.flatMap(\.sameInstanceSubschemas), 0))
                }
            }
        }
    }
}

extension JSONPointer {
    func removingLast() -> JSONPointer {
        JSONPointer(Array(tokens.dropLast()))
    }
}
