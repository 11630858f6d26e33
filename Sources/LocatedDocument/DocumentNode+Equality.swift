extension DocumentNode {
    /// JSON equality, as JSON Schema's `enum`, `const` and `uniqueItems` define it: numbers compare by
    /// value (1 equals 1.0), objects compare without regard to member order, positions are ignored.
    /// Strings and keys compare code point by code point: Swift's `String ==` uses canonical
    /// equivalence ("é" equals "e\u{301}"), which JSON says are different strings.
    public func isJSONEqual(to other: DocumentNode) -> Bool {
        switch (value, other.value) {
        case (.null, .null):
            return true
        case let (.bool(lhs), .bool(rhs)):
            return lhs == rhs
        case let (.string(lhs), .string(rhs)):
            return Self.sameScalars(lhs, rhs)
        case let (.integer(lhs), .integer(rhs)):
            return lhs == rhs
        case (.integer, .number), (.number, .integer), (.number, .number):
            return doubleValue == other.doubleValue
        case let (.array(lhs), .array(rhs)):
            return lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { $0.isJSONEqual(to: $1) }
        case let (.object(lhs), .object(rhs)):
            guard lhs.count == rhs.count else { return false }
            return lhs.allSatisfy { member in
                guard let match = rhs.first(where: { Self.sameScalars($0.key, member.key) }) else { return false }
                return member.value.isJSONEqual(to: match.value)
            }
        default:
            return false
        }
    }

    /// Code-point equality (UTF-8 bytes are equal exactly when the scalars are).
    @inline(__always)
    static func sameScalars(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.count == rhs.utf8.count && lhs.utf8.elementsEqual(rhs.utf8)
    }
}
