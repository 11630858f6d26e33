import LocatedDocument

/// A cited source and the content layers it backs.
public struct Source: Sendable, Equatable {
    public var id: Located<String>
    public var title: Located<String>
    public var publisher: Located<String>
    public var url: Located<String>
    /// ISO date (`YYYY-MM-DD`) the source was read.
    public var retrieved: Located<String>
    public var supports: [Located<ContentLayer>]
    public var location: SourceLocation

    public init(
        id: Located<String>, title: Located<String>, publisher: Located<String>, url: Located<String>,
        retrieved: Located<String>, supports: [Located<ContentLayer>], location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.publisher = publisher
        self.url = url
        self.retrieved = retrieved
        self.supports = supports
        self.location = location
    }
}
