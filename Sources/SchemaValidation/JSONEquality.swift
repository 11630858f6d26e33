import LocatedDocument

extension DocumentNode {
    /// JSON Schema equality for `enum`, `const` and `uniqueItems`. Like `isJSONEqual(to:)`, except
    /// that strings (and object keys) compare code point by code point: Swift's `==` on `String` uses
    /// canonical equivalence, so "é" and "e\u{301}" would be equal, which JSON Schema says they are not.
    func isSchemaEqual(to other: DocumentNode) -> Bool {
        switch (value, other.value) {
        case let (.string(lhs), .string(rhs)):
            return sameScalars(lhs, rhs)
        case let (.array(lhs), .array(rhs)):
            return lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { $0.isSchemaEqual(to: $1) }
        case let (.object(lhs), .object(rhs)):
            guard lhs.count == rhs.count else { return false }
            return lhs.allSatisfy { member in
                guard let match = rhs.first(where: { sameScalars($0.key, member.key) }) else { return false }
                return member.value.isSchemaEqual(to: match.value)
            }
        default:
            return isJSONEqual(to: other)
        }
    }
}

/// Code-point equality of two strings (their UTF-8 bytes are equal exactly when their scalars are).
@inline(__always)
func sameScalars(_ lhs: String, _ rhs: String) -> Bool {
    lhs.utf8.count == rhs.utf8.count && lhs.utf8.elementsEqual(rhs.utf8)
}
