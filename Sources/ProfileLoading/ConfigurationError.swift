import LocatedDocument

/// A problem with how the tool was asked to run or with its rubric — not with a profile. Exit code 2.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// The configuration file concerned, with the position of the problem when known.
    public var file: String?
    public var location: SourceLocation?
    public var hint: String?

    public init(_ message: String, file: String? = nil, location: SourceLocation? = nil, hint: String? = nil) {
        self.message = message
        self.file = file
        self.location = location
        self.hint = hint
    }

    public var description: String {
        var text = ""
        if let file {
            text += file
            if let location { text += ":\(location.line):\(location.column)" }
            text += ": "
        }
        text += message
        if let hint { text += "\nhint: \(hint)" }
        return text
    }
}
