import LocatedDocument

/// The schema itself is broken or uses something this validator does not support.
///
/// This is a problem with the schema, not with the document being validated, so callers report it
/// differently (the command-line tool exits with status 2).
public struct SchemaError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    /// Where in the schema document the problem is.
    public var schemaPointer: JSONPointer
    /// The line and column of that place in the schema file.
    public var location: SourceLocation

    public init(message: String, schemaPointer: JSONPointer, location: SourceLocation) {
        self.message = message
        self.schemaPointer = schemaPointer
        self.location = location
    }

    public var description: String {
        let pointer = schemaPointer.description.isEmpty ? "#" : "#\(schemaPointer)"
        return "\(location): schema error at \(pointer): \(message)"
    }
}
