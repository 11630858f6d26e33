/// Why a file could not be read as a document: what was wrong, where, and how to fix it.
public struct DocumentParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A stable, machine-readable code such as `duplicate_key` or `alias_limit`.
    public var code: String
    public var message: String
    public var location: SourceLocation
    /// What the author can do about it, when there is something useful to say.
    public var hint: String?

    public init(code: String, message: String, location: SourceLocation, hint: String? = nil) {
        self.code = code
        self.message = message
        self.location = location
        self.hint = hint
    }

    public var description: String {
        "\(location): \(message)" + (hint.map { " (hint: \($0))" } ?? "")
    }
}
