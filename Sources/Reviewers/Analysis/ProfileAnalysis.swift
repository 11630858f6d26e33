import LocatedDocument
import ProfileModel
import TextAnalysis

/// A profile with all its text tokenised once, plus what the rubric knows about its track and
/// domain. Built once per profile and shared by every level's review.
public struct ProfileAnalysis: Sendable {
    public var profile: Profile
    public var levels: [LevelAnalysis]
    public var summary: AnalyzedText
    public var focusName: AnalyzedText
    public var skills: [(name: AnalyzedText, description: AnalyzedText)]
    public var track: LevelCatalogue.Track?
    /// The domain pack named by the profile's `domain`, when the rubric has it.
    public var domain: DomainPack?
    /// Content stems of the focus name, summary and skill names: the vocabulary a profile declares
    /// for itself, used alongside (or, without a pack, instead of) the domain pack's.
    public var focusVocabulary: Set<String>
    /// Content stems of every text of the profile (summary, focus, all levels, all skills),
    /// computed once and shared by every level's review.
    public var contentStems: Set<String>
    /// Content stems of every responsibility of every level (what skills are traced against).
    public var bulletContentStems: Set<String>

    public init(profile: Profile, knowledge: ReviewKnowledge) {
        self.profile = profile
        let track = knowledge.catalogue.track(id: profile.track.value)
        self.track = track
        self.levels = profile.levels.map { LevelAnalysis(level: $0, track: track) }
        self.summary = AnalyzedText(profile.summary, pointer: JSONPointer.root.appending("summary"))
        self.focusName = AnalyzedText(profile.focus.name, pointer: JSONPointer.root.appending("focus").appending("name"))
        self.skills = profile.skills.enumerated().map { index, skill in
            let pointer = JSONPointer.root.appending("skills").appending(index)
            return (AnalyzedText(skill.name, pointer: pointer.appending("name")),
                    AnalyzedText(skill.description, pointer: pointer.appending("description")))
        }
        self.domain = profile.domain.flatMap { knowledge.domains[$0.value] }
        var vocabulary = focusName.contentStems.union(summary.contentStems)
        for skill in skills { vocabulary.formUnion(skill.name.contentStems) }
        self.focusVocabulary = vocabulary
        var stems = summary.contentStems.union(focusName.contentStems)
        var bulletStems: Set<String> = []
        for level in levels {
            for bullet in level.bullets { bulletStems.formUnion(bullet.contentStems) }
            for cell in level.guidelines { stems.formUnion(cell.text.contentStems) }
        }
        stems.formUnion(bulletStems)
        self.bulletContentStems = bulletStems
        for skill in skills { stems.formUnion(skill.name.contentStems.union(skill.description.contentStems)) }
        self.contentStems = stems
    }
}
