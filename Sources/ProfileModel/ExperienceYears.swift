import LocatedDocument

/// Typical years of total experience for a level.
public struct ExperienceYears: Sendable, Equatable {
    public var min: Int
    public var max: Int
    public var location: SourceLocation

    public init(min: Int, max: Int, location: SourceLocation) {
        self.min = min
        self.max = max
        self.location = location
    }
}
