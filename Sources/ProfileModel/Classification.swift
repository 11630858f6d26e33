import LocatedDocument

/// A mapping of the focus to an occupational classification such as O*NET-SOC.
public struct Classification: Sendable, Equatable {
    public var system: String
    public var code: Located<String>
    /// The id of the source that backs this mapping.
    public var source: Located<String>?
    public var location: SourceLocation

    public init(system: String, code: Located<String>, source: Located<String>?, location: SourceLocation) {
        self.system = system
        self.code = code
        self.source = source
        self.location = location
    }
}
