import LocatedDocument

/// Reading each supported keyword's value, checking it is well formed, and compiling subschemas.
extension SchemaCompiler {
    mutating func compileKeywords(of schema: DocumentNode, members: [DocumentNode.Member], at pointer: JSONPointer) throws(SchemaError) -> [Keyword] {
        for member in members where Self.unsupportedKeywords.contains(member.key) {
            throw SchemaError(message: "keyword \(member.key) is not supported by this validator",
                              schemaPointer: pointer.appending(member.key), location: member.keyLocation)
        }
        var keywords: [Keyword] = []
        func value(_ key: String) -> (DocumentNode, JSONPointer)? {
            schema[key].map { ($0, pointer.appending(key)) }
        }

        if let (node, at) = value("type") { keywords.append(.type(try typeSet(node, at: at))) }
        if let (node, at) = value("enum") {
            guard let options = node.arrayValue else { throw expected("enum to be an array", node, at) }
            keywords.append(.enumeration(options))
        }
        if let (node, _) = value("const") { keywords.append(.constant(node)) }
        keywords += try numericKeywords(schema, at: pointer)

        if let (node, at) = value("minLength") { keywords.append(.minLength(try count(node, at: at))) }
        if let (node, at) = value("maxLength") { keywords.append(.maxLength(try count(node, at: at))) }
        if let (node, at) = value("pattern") { keywords.append(.pattern(try pattern(node, at: at))) }
        if let (node, at) = value("format") {
            guard let name = node.stringValue else { throw expected("format to be a string", node, at) }
            // Unknown format names are annotations, as the specification says.
            if options.formatAssertion, let kind = FormatKind(rawValue: name) { keywords.append(.format(kind)) }
        }

        if let (node, at) = value("minItems") { keywords.append(.minItems(try count(node, at: at))) }
        if let (node, at) = value("maxItems") { keywords.append(.maxItems(try count(node, at: at))) }
        if let (node, at) = value("uniqueItems") {
            guard let flag = node.boolValue else { throw expected("uniqueItems to be a boolean", node, at) }
            if flag { keywords.append(.uniqueItems) }
        }
        if let items = try itemsKeyword(schema, at: pointer) { keywords.append(items) }
        if let (node, at) = value("contains") {
            let id = try compile(node, at: at)
            let minimum = try value("minContains").map { node, at throws(SchemaError) in try count(node, at: at) } ?? 1
            let maximum = try value("maxContains").map { node, at throws(SchemaError) in try count(node, at: at) }
            keywords.append(.contains(id, min: minimum, max: maximum))
        }

        if let (node, at) = value("minProperties") { keywords.append(.minProperties(try count(node, at: at))) }
        if let (node, at) = value("maxProperties") { keywords.append(.maxProperties(try count(node, at: at))) }
        if let (node, at) = value("required") { keywords.append(.required(try stringList(node, at: at, keyword: "required"))) }
        if let (node, at) = value("dependentRequired") {
            guard let entries = node.objectValue else { throw expected("dependentRequired to be an object", node, at) }
            var dependencies: [Dependency<[String]>] = []
            for entry in entries {
                let names = try stringList(entry.value, at: at.appending(entry.key), keyword: "dependentRequired")
                dependencies.append(Dependency(trigger: entry.key, payload: names))
            }
            keywords.append(.dependentRequired(dependencies))
        }
        if let members = try objectMembersKeyword(schema, at: pointer) { keywords.append(members) }
        if let (node, at) = value("propertyNames") { keywords.append(.propertyNames(try compile(node, at: at))) }
        if let (node, at) = value("dependentSchemas") {
            guard let entries = node.objectValue else { throw expected("dependentSchemas to be an object", node, at) }
            var dependencies: [Dependency<SchemaID>] = []
            for entry in entries {
                dependencies.append(Dependency(trigger: entry.key, payload: try compile(entry.value, at: at.appending(entry.key))))
            }
            keywords.append(.dependentSchemas(dependencies))
        }

        if let (node, at) = value("allOf") { keywords.append(.allOf(try schemaList(node, at: at, keyword: "allOf"))) }
        if let (node, at) = value("anyOf") { keywords.append(.anyOf(try schemaList(node, at: at, keyword: "anyOf"))) }
        if let (node, at) = value("oneOf") { keywords.append(.oneOf(try schemaList(node, at: at, keyword: "oneOf"))) }
        if let (node, at) = value("not") { keywords.append(.not(try compile(node, at: at))) }
        // `then` and `else` without `if` have no effect, but are still compiled so mistakes in them surface.
        let thenID = try value("then").map { node, at throws(SchemaError) in try compile(node, at: at) }
        let elseID = try value("else").map { node, at throws(SchemaError) in try compile(node, at: at) }
        if let (node, at) = value("if") {
            keywords.append(.conditional(if: try compile(node, at: at), then: thenID, else: elseID))
        }
        if let (node, at) = value("$ref") { keywords.append(.reference(try compileReference(node, at: at))) }

        // Definitions are compiled even when unreferenced, so a broken one is reported up front.
        for container in ["$defs", "definitions"] {
            guard let (node, at) = value(container) else { continue }
            guard let entries = node.objectValue else { throw expected("\(container) to be an object", node, at) }
            for entry in entries { _ = try compile(entry.value, at: at.appending(entry.key)) }
        }
        return keywords
    }

    // MARK: Keyword families

    private func numericKeywords(_ schema: DocumentNode, at pointer: JSONPointer) throws(SchemaError) -> [Keyword] {
        var keywords: [Keyword] = []
        func number(_ key: String) throws(SchemaError) -> Double? {
            guard let node = schema[key] else { return nil }
            guard let number = node.doubleValue else { throw expected("\(key) to be a number", node, pointer.appending(key)) }
            return number
        }
        // Draft-04 spelled exclusive bounds as booleans that modify minimum/maximum.
        let legacyExclusiveMinimum = schema["exclusiveMinimum"]?.boolValue
        let legacyExclusiveMaximum = schema["exclusiveMaximum"]?.boolValue
        if let minimum = try number("minimum") { keywords.append(.minimum(minimum, exclusive: legacyExclusiveMinimum == true)) }
        if let maximum = try number("maximum") { keywords.append(.maximum(maximum, exclusive: legacyExclusiveMaximum == true)) }
        if legacyExclusiveMinimum == nil, let bound = try number("exclusiveMinimum") { keywords.append(.minimum(bound, exclusive: true)) }
        if legacyExclusiveMaximum == nil, let bound = try number("exclusiveMaximum") { keywords.append(.maximum(bound, exclusive: true)) }
        if let divisor = try number("multipleOf") {
            guard divisor > 0 else { throw expected("multipleOf to be greater than 0", schema["multipleOf"]!, pointer.appending("multipleOf")) }
            keywords.append(.multipleOf(divisor))
        }
        return keywords
    }

    private mutating func itemsKeyword(_ schema: DocumentNode, at pointer: JSONPointer) throws(SchemaError) -> Keyword? {
        var prefix: [SchemaID] = []
        var rest: SchemaID?
        var restForbidden = false
        if let node = schema["prefixItems"] {
            prefix = try schemaList(node, at: pointer.appending("prefixItems"), keyword: "prefixItems")
        }
        if let node = schema["items"] {
            if case .array = node.value {
                // Draft-04..07 tuple form; without additionalItems it means exactly what prefixItems means.
                guard schema["prefixItems"] == nil else {
                    throw expected("items to be a schema when prefixItems is present", node, pointer.appending("items"))
                }
                prefix = try schemaList(node, at: pointer.appending("items"), keyword: "items")
            } else {
                rest = try compile(node, at: pointer.appending("items"))
                restForbidden = node.boolValue == false
            }
        }
        if prefix.isEmpty && rest == nil { return nil }
        return .items(prefix: prefix, rest: rest, restForbidden: restForbidden)
    }

    private mutating func objectMembersKeyword(_ schema: DocumentNode, at pointer: JSONPointer) throws(SchemaError) -> Keyword? {
        let propertiesNode = schema["properties"]
        let patternsNode = schema["patternProperties"]
        let additionalNode = schema["additionalProperties"]
        if propertiesNode == nil && patternsNode == nil && additionalNode == nil { return nil }
        var rule = ObjectMembersRule(properties: PropertyTable(), patterns: [], additional: nil, additionalForbidden: false)
        if let node = propertiesNode {
            let at = pointer.appending("properties")
            guard let entries = node.objectValue else { throw expected("properties to be an object", node, at) }
            for entry in entries {
                rule.properties.declare(entry.key, try compile(entry.value, at: at.appending(entry.key)))
            }
        }
        if let node = patternsNode {
            let at = pointer.appending("patternProperties")
            guard let entries = node.objectValue else { throw expected("patternProperties to be an object", node, at) }
            for entry in entries {
                guard let compiled = CompiledPattern(entry.key) else {
                    throw SchemaError(message: "patternProperties key \"\(entry.key)\" is not a valid regular expression",
                                      schemaPointer: at.appending(entry.key), location: entry.keyLocation)
                }
                rule.patterns.append((compiled, try compile(entry.value, at: at.appending(entry.key))))
            }
        }
        if let node = additionalNode {
            rule.additional = try compile(node, at: pointer.appending("additionalProperties"))
            rule.additionalForbidden = node.boolValue == false
        }
        return .objectMembers(rule)
    }

    // MARK: Value readers

    private func typeSet(_ node: DocumentNode, at pointer: JSONPointer) throws(SchemaError) -> TypeSet {
        func single(_ name: DocumentNode) throws(SchemaError) -> TypeSet {
            guard let text = name.stringValue, let match = TypeSet.names.first(where: { $0.0 == text }) else {
                throw expected("type to name one of null, boolean, integer, number, string, array, object", name, pointer)
            }
            return match.1
        }
        if let names = node.arrayValue {
            var set: TypeSet = []
            for name in names { set.formUnion(try single(name)) }
            return set
        }
        return try single(node)
    }

    private func count(_ node: DocumentNode, at pointer: JSONPointer) throws(SchemaError) -> Int {
        guard let value = node.intValue, value >= 0 else {
            throw expected("\(pointer.tokens.last.map(Self.tokenText) ?? "value") to be a non-negative integer", node, pointer)
        }
        return value
    }

    private func pattern(_ node: DocumentNode, at pointer: JSONPointer) throws(SchemaError) -> CompiledPattern {
        guard let source = node.stringValue else { throw expected("pattern to be a string", node, pointer) }
        guard let compiled = CompiledPattern(source) else {
            throw SchemaError(message: "pattern \(source) is not a valid regular expression", schemaPointer: pointer, location: node.location)
        }
        return compiled
    }

    private func stringList(_ node: DocumentNode, at pointer: JSONPointer, keyword: String) throws(SchemaError) -> [String] {
        guard let items = node.arrayValue else { throw expected("\(keyword) to be an array of strings", node, pointer) }
        var names: [String] = []
        for item in items {
            guard let name = item.stringValue else { throw expected("\(keyword) to contain only strings", item, pointer) }
            names.append(name)
        }
        return names
    }

    private mutating func schemaList(_ node: DocumentNode, at pointer: JSONPointer, keyword: String) throws(SchemaError) -> [SchemaID] {
        guard let items = node.arrayValue, !items.isEmpty else { throw expected("\(keyword) to be a non-empty array of schemas", node, pointer) }
        var ids: [SchemaID] = []
        for (offset, item) in items.enumerated() {
            ids.append(try compile(item, at: pointer.appending(String(offset))))
        }
        return ids
    }

    private func expected(_ what: String, _ node: DocumentNode, _ pointer: JSONPointer) -> SchemaError {
        SchemaError(message: "expected \(what), found \(describe(node))", schemaPointer: pointer, location: node.location)
    }

    private static func tokenText(_ token: JSONPointer.Token) -> String {
        switch token {
        case .key(let key): return key
        case .index(let index): return String(index)
        }
    }
}
