/// The four level-guideline cells of the universal levelling rubric, as written for one level.
public struct LevelGuidelines: Sendable, Equatable {
    public var knowledge: Located<String>
    public var complexity: Located<String>
    public var collaboration: Located<String>
    public var experience: Located<String>

    public init(
        knowledge: Located<String>, complexity: Located<String>, collaboration: Located<String>,
        experience: Located<String>
    ) {
        self.knowledge = knowledge
        self.complexity = complexity
        self.collaboration = collaboration
        self.experience = experience
    }

    /// The cells with their key names, in rubric order.
    public var cells: [(key: String, text: Located<String>)] {
        [("knowledge", knowledge), ("complexity", complexity), ("collaboration", collaboration),
         ("experience", experience)]
    }
}
