import LocatedDocument

/// Collects violations while validating. Its absence (`nil`) selects the boolean fast path: every
/// check returns `false` at the first failure and no message, pointer or array is ever built.
struct ViolationCollector {
    /// The instance path of the node being checked, as tokens; turned into a `JSONPointer` only when
    /// a violation is reported.
    var path: [JSONPointer.Token]
    var violations: [SchemaViolation] = []

    init(path: [JSONPointer.Token] = []) {
        self.path = path
    }

    mutating func report(_ keyword: String, _ message: String, at location: SourceLocation, child: JSONPointer.Token? = nil) {
        var tokens = path
        if let child { tokens.append(child) }
        violations.append(SchemaViolation(pointer: JSONPointer(tokens), location: location, keyword: keyword, message: message))
    }
}

/// Records a failure. Returns whether evaluation should go on checking (only when collecting).
/// The message is an autoclosure so the fast path never formats it.
@inline(__always)
func fail(_ collector: inout ViolationCollector?, _ keyword: String, at location: SourceLocation,
          child: JSONPointer.Token? = nil, _ message: @autoclosure () -> String) -> Bool {
    guard collector != nil else { return false }
    collector!.report(keyword, message(), at: location, child: child)
    return true
}

/// Records a failure and returns `false` (invalid), for checks that end at their first failure.
@inline(__always)
func reject(_ collector: inout ViolationCollector?, _ keyword: String, at location: SourceLocation,
            child: JSONPointer.Token? = nil, _ message: @autoclosure () -> String) -> Bool {
    if collector != nil { collector!.report(keyword, message(), at: location, child: child) }
    return false
}

/// Walks a `SchemaProgram` over an instance. Stateless apart from the collector passed in, so one
/// schema can validate many documents concurrently.
struct Evaluator {
    let nodes: [CompiledNode]

    /// Whether `instance` is valid against subschema `id`; reports into `collector` when it is non-nil.
    func evaluate(_ instance: DocumentNode, _ id: SchemaID, _ collector: inout ViolationCollector?) -> Bool {
        // Read in place through the buffer: `for keyword in …keywords` copied each keyword (and
        // retained what it holds) for every node of every document.
        nodes[id].keywords.withUnsafeBufferPointer { keywords in
            var valid = true
            for index in keywords.indices where !check(keywords[index], instance, &collector) {
                valid = false
                if collector == nil { return false }
            }
            return valid
        }
    }

    /// Fast boolean evaluation, for combinators that only need to know whether a branch matches.
    func matches(_ instance: DocumentNode, _ id: SchemaID) -> Bool {
        var none: ViolationCollector? = nil
        return evaluate(instance, id, &none)
    }

    /// Evaluates a child of the current instance (an item or a member value).
    @inline(__always)
    func evaluateChild(_ child: DocumentNode, token: @autoclosure () -> JSONPointer.Token, _ id: SchemaID,
                       _ collector: inout ViolationCollector?) -> Bool {
        guard collector != nil else { return evaluate(child, id, &collector) }
        collector!.path.append(token())
        defer { collector!.path.removeLast() }
        return evaluate(child, id, &collector)
    }

    private func check(_ keyword: Keyword, _ instance: DocumentNode, _ collector: inout ViolationCollector?) -> Bool {
        switch keyword {
        case .never:
            guard collector != nil else { return false }
            let message = falseSchemaMessage(collector)
            collector!.report("false", message, at: instance.location)
            return false
        case .type(let allowed):
            return checkType(allowed, instance, &collector)
        case .enumeration(let options):
            return checkEnum(options, instance, &collector)
        case .constant(let expected):
            return checkConst(expected, instance, &collector)
        case .minimum, .maximum, .multipleOf:
            return checkNumeric(keyword, instance, &collector)
        case .minLength, .maxLength, .pattern, .format:
            return checkString(keyword, instance, &collector)
        case .minItems, .maxItems, .uniqueItems, .items, .contains:
            return checkArray(keyword, instance, &collector)
        case .minProperties, .maxProperties, .required, .dependentRequired, .objectMembers, .propertyNames, .dependentSchemas:
            return checkObject(keyword, instance, &collector)
        case .allOf, .anyOf, .oneOf, .not, .conditional, .reference:
            return checkCombinator(keyword, instance, &collector)
        }
    }

    private func falseSchemaMessage(_ collector: ViolationCollector?) -> String {
        if case .key(let key)? = collector?.path.last {
            return "key \(quoted(key)) is not allowed here"
        }
        return "no value is allowed here (the schema is false)"
    }
}
