import LocatedDocument
import ProfileModel
import TextAnalysis

/// A profile with all its text tokenised once, plus what the rubric knows about its track and
/// domain. Built once per profile and shared by every level's review.
public final class ProfileAnalysis: Sendable {
    public let profile: Profile
    public let levels: [LevelAnalysis]
    public let summary: AnalyzedText
    public let focusName: AnalyzedText
    public let skills: [(name: AnalyzedText, description: AnalyzedText)]
    public let track: LevelCatalogue.Track?
    /// The domain pack named by the profile's `domain`, when the rubric has it.
    public let domain: DomainPack?
    /// Content stems of the focus name, summary and skill names: the vocabulary a profile declares
    /// for itself, used alongside (or, without a pack, instead of) the domain pack's.
    public let focusVocabulary: HashedTermSet
    /// Content stems of every text of the profile (summary, focus, all levels, all skills), read
    /// through the texts' own sets rather than copied into one.
    public let contentStems: HashedTermSetUnion
    /// Content stems of every responsibility of every level (what skills are traced against).
    public let bulletContentStems: HashedTermSetUnion

    public init(profile: Profile, knowledge: ReviewKnowledge) {
        self.profile = profile
        let track = knowledge.catalogue.track(id: profile.track.value)
        self.track = track
        self.levels = profile.levels.map { LevelAnalysis(level: $0, track: track) }
        self.summary = AnalyzedText(profile.summary, pointer: JSONPointer.root.appending("summary"))
        self.focusName = AnalyzedText(profile.focus.name, pointer: JSONPointer.root.appending("focus", "name"))
        self.skills = profile.skills.enumerated().map { index, skill in
            let pointer = JSONPointer.root.appending("skills", index)
            return (AnalyzedText(skill.name, pointer: pointer.appending("name")),
                    AnalyzedText(skill.description, pointer: pointer.appending("description")))
        }
        self.domain = profile.domain.flatMap { knowledge.domains[$0.value] }
        let skillNameStems = skills.map(\.name.stemKeys)
        let skillStems = skillNameStems + skills.map(\.description.stemKeys)
        let bulletParts = levels.flatMap { $0.bullets.map(\.stemKeys) }
        let guidelineParts = levels.flatMap { $0.guidelines.map(\.text.stemKeys) }
        self.focusVocabulary = HashedTermSet.union([focusName.stemKeys, summary.stemKeys] + skillNameStems)
        self.bulletContentStems = HashedTermSetUnion(bulletParts)
        self.contentStems = HashedTermSetUnion([summary.stemKeys, focusName.stemKeys] + bulletParts + guidelineParts + skillStems)
    }
}
