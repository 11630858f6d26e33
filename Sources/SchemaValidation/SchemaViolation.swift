import LocatedDocument

/// One way an instance document fails its schema.
public struct SchemaViolation: Hashable, Sendable, CustomStringConvertible {
    /// Where in the instance the problem is (for an unknown key, the member itself).
    public var pointer: JSONPointer
    /// The line and column of that node; for an unknown or forbidden key, the key; for a missing
    /// required key, the object that lacks it.
    public var location: SourceLocation
    /// The schema keyword that failed, such as `required` or `pattern`.
    public var keyword: String
    /// What was expected and what was found.
    public var message: String

    public init(pointer: JSONPointer, location: SourceLocation, keyword: String, message: String) {
        self.pointer = pointer
        self.location = location
        self.keyword = keyword
        self.message = message
    }

    public var description: String {
        "\(location) \(pointer.description.isEmpty ? "/" : pointer.description) [\(keyword)] \(message)"
    }

    /// The deterministic report order: by location, then pointer, then keyword, then message.
    static func reportOrder(_ lhs: SchemaViolation, _ rhs: SchemaViolation) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.pointer != rhs.pointer { return lhs.pointer < rhs.pointer }
        if lhs.keyword != rhs.keyword { return lhs.keyword < rhs.keyword }
        return lhs.message < rhs.message
    }
}

/// How a schema is compiled.
public struct SchemaOptions: Sendable, Equatable {
    /// Treat `format` as an assertion (date, date-time, email, uri are checked); otherwise it is an
    /// annotation and ignored, as draft 2020-12 specifies by default.
    public var formatAssertion: Bool

    public init(formatAssertion: Bool = false) {
        self.formatAssertion = formatAssertion
    }
}
