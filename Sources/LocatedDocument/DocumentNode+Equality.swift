extension DocumentNode {
    /// JSON equality, as JSON Schema's `enum`, `const` and `uniqueItems` define it: numbers compare by
    /// value (1 equals 1.0), objects compare without regard to member order, positions are ignored.
    public func isJSONEqual(to other: DocumentNode) -> Bool {
        switch (value, other.value) {
        case (.null, .null):
            return true
        case let (.bool(lhs), .bool(rhs)):
            return lhs == rhs
        case let (.string(lhs), .string(rhs)):
            return lhs == rhs
        case let (.integer(lhs), .integer(rhs)):
            return lhs == rhs
        case (.integer, .number), (.number, .integer), (.number, .number):
            return doubleValue == other.doubleValue
        case let (.array(lhs), .array(rhs)):
            return lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { $0.isJSONEqual(to: $1) }
        case let (.object(lhs), .object(rhs)):
            guard lhs.count == rhs.count else { return false }
            return lhs.allSatisfy { member in
                guard let match = other.member(named: member.key) else { return false }
                return member.value.isJSONEqual(to: match.value)
            }
        default:
            return false
        }
    }
}
