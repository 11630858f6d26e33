import LocatedDocument
import ProfileModel

/// One level of a profile, analysed: its bullets and guideline cells tokenised, and the catalogue
/// level it claims to be.
public final class LevelAnalysis: Sendable {
    public let level: Level
    public let pointer: JSONPointer
    public let bullets: [AnalyzedText]
    /// Guideline cells in rubric order: knowledge, complexity, collaboration, experience.
    public let guidelines: [(key: String, text: AnalyzedText)]
    /// The catalogue's definition of this level code on the profile's track, when it has one.
    public let catalogueLevel: CatalogueLevel?
    /// Rank of the level on its track (0 = lowest), when the track has the code.
    public let rank: Int?

    public init(level: Level, track: LevelCatalogue.Track?) {
        self.level = level
        let pointer = JSONPointer.root.appending("levels", level.index)
        self.pointer = pointer
        self.bullets = level.responsibilities.enumerated().map { index, bullet in
            AnalyzedText(bullet, pointer: pointer.appending("responsibilities", index))
        }
        self.guidelines = level.guidelines.cells.map { cell in
            (cell.key, AnalyzedText(cell.text, pointer: pointer.appending("guidelines", cell.key)))
        }
        self.allTexts = bullets + guidelines.map(\.text)
        self.catalogueLevel = track?.level(code: level.code.value)
        self.rank = track?.rank(of: level.code.value)
    }

    /// Bullets then guideline cells: all the text written for this level (kept, since many rules
    /// read it).
    public let allTexts: [AnalyzedText]

    public func guideline(_ key: String) -> AnalyzedText? {
        guidelines.first { $0.key == key }?.text
    }
}
