import LocatedDocument

/// One rung of a profile's ladder as the file writes it.
public struct Level: Sendable, Equatable {
    public var code: Located<String>
    public var name: Located<String>
    public var years: ExperienceYears?
    public var pay: PayRange?
    public var responsibilities: [Located<String>]
    public var guidelines: LevelGuidelines
    /// Where the level's mapping starts.
    public var location: SourceLocation
    /// Position of this level in the file's `levels` array.
    public var index: Int

    public init(
        code: Located<String>, name: Located<String>, years: ExperienceYears?, pay: PayRange?,
        responsibilities: [Located<String>], guidelines: LevelGuidelines, location: SourceLocation, index: Int
    ) {
        self.code = code
        self.name = name
        self.years = years
        self.pay = pay
        self.responsibilities = responsibilities
        self.guidelines = guidelines
        self.location = location
        self.index = index
    }
}
