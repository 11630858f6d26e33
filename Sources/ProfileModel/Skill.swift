/// A focus-specific skill the role applies.
public struct Skill: Sendable, Equatable {
    public var name: Located<String>
    public var description: Located<String>

    public init(name: Located<String>, description: Located<String>) {
        self.name = name
        self.description = description
    }
}
