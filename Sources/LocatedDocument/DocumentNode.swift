/// One node of a parsed JSON or YAML document, with the position where it starts.
///
/// YAML is resolved with the YAML 1.2 core schema, so a YAML file and its JSON twin produce equal trees.
/// Object members keep their source order and the position of their key, so a message about an
/// unknown key can point at the key itself.
public struct DocumentNode: Sendable {
    public enum Value: Sendable {
        case null
        case bool(Bool)
        /// A number with no fractional part that fits in `Int`.
        case integer(Int)
        /// Any other number (also integers too large for `Int`).
        case number(Double)
        case string(String)
        case array([DocumentNode])
        case object([Member])
    }

    public struct Member: Sendable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: DocumentNode

        public init(key: String, keyLocation: SourceLocation, value: DocumentNode) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
    }

    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation = .startOfFile) {
        self.value = value
        self.location = location
    }
}

extension DocumentNode {
    /// The member named `key` of an object node; nil for other nodes or a missing key.
    public subscript(key: String) -> DocumentNode? {
        member(named: key)?.value
    }

    public func member(named key: String) -> Member? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }
    }

    /// The JSON type name, as JSON Schema's `type` keyword spells it ("integer" for whole numbers).
    public var typeName: String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .integer: return "integer"
        case .number(let number): return number.isFinite && number == number.rounded() ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    public var stringValue: String? {
        if case .string(let text) = value { return text }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let flag) = value { return flag }
        return nil
    }

    /// The numeric value of an integer or number node.
    public var doubleValue: Double? {
        switch value {
        case .integer(let number): return Double(number)
        case .number(let number): return number
        default: return nil
        }
    }

    /// The value of a whole-number node (`3` or `3.0`) that fits in `Int`.
    public var intValue: Int? {
        switch value {
        case .integer(let number): return number
        case .number(let number):
            guard number.isFinite, number == number.rounded(), abs(number) < 9.2e18 else { return nil }
            return Int(number)
        default: return nil
        }
    }

    public var arrayValue: [DocumentNode]? {
        if case .array(let items) = value { return items }
        return nil
    }

    public var objectValue: [Member]? {
        if case .object(let members) = value { return members }
        return nil
    }
}
