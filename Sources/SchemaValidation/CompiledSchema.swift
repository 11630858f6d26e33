import LocatedDocument

/// Index of a compiled subschema in `SchemaProgram.nodes`. Indices (not references) let `$ref`
/// cycles exist without reference cycles, and keep the whole program a plain `Sendable` value.
typealias SchemaID = Int

/// A schema compiled once into flat keyword checks; validation only walks this.
final class SchemaProgram: Sendable {
    let nodes: [CompiledNode]
    let root: SchemaID

    init(nodes: [CompiledNode], root: SchemaID) {
        self.nodes = nodes
        self.root = root
    }
}

/// One compiled subschema: its checks, cheapest first.
struct CompiledNode: Sendable {
    var keywords: [Keyword]
    /// Where the subschema is in the schema document (for schema errors).
    var pointer: JSONPointer
    var location: SourceLocation
}

/// The set of JSON types a `type` keyword allows, as a bit mask.
struct TypeSet: OptionSet, Sendable {
    let rawValue: UInt8
    static let null = TypeSet(rawValue: 1 << 0)
    static let boolean = TypeSet(rawValue: 1 << 1)
    static let integer = TypeSet(rawValue: 1 << 2)
    static let number = TypeSet(rawValue: 1 << 3)
    static let string = TypeSet(rawValue: 1 << 4)
    static let array = TypeSet(rawValue: 1 << 5)
    static let object = TypeSet(rawValue: 1 << 6)

    /// Message order: structured types first, `null` last ("string or null").
    static let names: [(String, TypeSet)] = [
        ("object", .object), ("array", .array), ("string", .string), ("integer", .integer),
        ("number", .number), ("boolean", .boolean), ("null", .null),
    ]

    /// "string or null", in a fixed order so messages are stable.
    var spelledOut: String {
        let listed = Self.names.filter { contains($0.1) }.map(\.0)
        return listed.count <= 2 ? listed.joined(separator: " or ")
            : listed.dropLast().joined(separator: ", ") + " or " + listed.last!
    }
}

/// `properties`, `patternProperties` and `additionalProperties` together, because whether a member
/// is "additional" depends on the other two.
struct ObjectMembersRule: Sendable {
    var properties: PropertyTable
    var patterns: [(CompiledPattern, SchemaID)]
    var additional: SchemaID?
    /// `additionalProperties: false`, reported as "unknown key" at the key itself.
    var additionalForbidden: Bool
}

struct Dependency<Payload: Sendable>: Sendable {
    var trigger: String
    var payload: Payload
}

enum FormatKind: String, Sendable {
    case date
    case dateTime = "date-time"
    case email
    case uri
}

enum Keyword: Sendable {
    /// A `false` schema: nothing is valid.
    case never
    case type(TypeSet)
    case enumeration([DocumentNode])
    case constant(DocumentNode)
    case minimum(Double, exclusive: Bool)
    case maximum(Double, exclusive: Bool)
    case multipleOf(Double)
    case minLength(Int)
    case maxLength(Int)
    case pattern(CompiledPattern)
    case format(FormatKind)
    case minItems(Int)
    case maxItems(Int)
    case uniqueItems
    case items(prefix: [SchemaID], rest: SchemaID?, restForbidden: Bool)
    case contains(SchemaID, min: Int, max: Int?)
    case minProperties(Int)
    case maxProperties(Int)
    case required([String])
    case dependentRequired([Dependency<[String]>])
    case objectMembers(ObjectMembersRule)
    case propertyNames(SchemaID)
    case dependentSchemas([Dependency<SchemaID>])
    case allOf([SchemaID])
    case anyOf([SchemaID])
    case oneOf([SchemaID])
    case not(SchemaID)
    case conditional(if: SchemaID, then: SchemaID?, else: SchemaID?)
    case reference(SchemaID)

    /// Evaluation order: cheap scalar checks first, so the boolean fast path fails early.
    var cost: Int {
        switch self {
        case .never, .type: return 0
        case .constant, .enumeration, .minimum, .maximum, .multipleOf, .minLength, .maxLength,
             .minItems, .maxItems, .minProperties, .maxProperties, .required, .dependentRequired: return 1
        case .format, .pattern, .uniqueItems: return 2
        case .items, .contains, .objectMembers, .propertyNames, .dependentSchemas: return 3
        case .reference, .allOf, .anyOf, .oneOf, .not, .conditional: return 4
        }
    }

    /// Subschemas applied to the same instance (not to a child), used to reject `$ref` loops that
    /// would never terminate.
    var sameInstanceSubschemas: [SchemaID] {
        switch self {
        case .allOf(let ids), .anyOf(let ids), .oneOf(let ids): return ids
        case .not(let id), .reference(let id): return [id]
        case .conditional(let condition, let then, let otherwise): return [condition] + [then, otherwise].compactMap { $0 }
        case .dependentSchemas(let dependencies): return dependencies.map(\.payload)
        default: return []
        }
    }
}
