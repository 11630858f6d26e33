import ProfileModel
import TextAnalysis

/// Skills nobody's responsibilities need, and levels whose bullets need none of the skills.
public struct SkillsNotTraceableRule: ReviewRule {
    public init() {}

    public static let description = RuleDescription(
        id: "skills_not_traceable",
        name: "Skills trace to responsibilities",
        dimension: .realWorldCoverage,
        defaultSeverity: .minor,
        summary: """
            A skill is traceable when at least `min_overlap` of its meaningful stems (name and description, generic \
            words removed) appear in some level's responsibilities. An untraceable share above \
            `max_untraceable_share` is minor, above `major_untraceable_share` major; a level whose bullets use none \
            of the skills is minor.
            """,
        rationale: """
            Skills are what people are hired and trained for. A skill no responsibility uses is padding (or copied \
            from another family), and a level that uses none of the listed skills is not described by them.
            """,
        parameters: [
            RuleParameter("min_overlap", default: .number(1), "Meaningful stems a skill must share with the bullets."),
            RuleParameter("max_untraceable_share", default: .number(0.25), "Largest acceptable untraceable share."),
            RuleParameter("major_untraceable_share", default: .number(0.5), "Untraceable share above which it is major."),
            RuleParameter("generic_words", default: .list([
                "manage", "management", "work", "perform", "ensure", "support", "use", "uses", "apply", "knowledge",
                "skill", "ability", "task", "activity", "daily", "routine", "new", "other", "well", "enough", "way",
            ]), "Words that do not tie a skill to a duty."),
        ],
        passingExamples: [
            RuleExample("""
                skills:
                  - { name: People Leadership, description: Coaches and trains associates and supervisors. }
                  - { name: Bioreactor Operation, description: Controls single-use bioreactors in seed-train and production runs. }
                  - { name: Deviation Management, description: Opens and investigates deviation and CAPA records. }

                """, note: "Each skill is used by some bullet."),
        ],
        failingExamples: [
            RuleExample("""
                skills:
                  - { name: People Leadership, description: Coaches and trains associates and supervisors. }
                  - { name: Quantum Computing, description: Programs qubit hardware with quantum algorithms. }
                  - { name: Financial Auditing, description: Audits ledgers, journals and tax filings for listed firms. }
                  - { name: Graphic Illustration, description: Draws posters and illustrations in Illustrator. }

                """, note: "Three of four skills appear in no responsibility."),
        ]
    )

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        let skills = subject.analysis.skills
        guard !skills.isEmpty else { return RuleOutcome(checksRun: 0) }
        let generic = subject.parameters.prepared("generic_words stem keys") { HashedTermSet(stems: RuleText.stems(of: $0.list("generic_words"))) }
        let minimum = max(1, subject.parameters.integer("min_overlap"))
        // The skills' stems and which skills no bullet uses are the same for every level: worked
        // out on the first level reviewed and kept.
        let (skillStems, untraceableIndices) = subject.memo.value(rule: Self.description.id, level: -1) {
            let stems = skills.map { Self.stems(of: [$0.name, $0.description], excluding: generic) }
            let bulletStems = subject.analysis.bulletContentStems
            return (stems, stems.indices.filter { bulletStems.sharedCount(with: stems[$0], atLeast: minimum) < minimum })
        }
        var findings: [Finding] = []
        var untraceable: [String] = []
        for index in untraceableIndices {
            let skill = skills[index]
            untraceable.append(skill.name.text)
            findings.append(subject.finding("Skill \"\(skill.name.text)\" appears in no responsibility of any level",
                                            about: skill.name, evidence: skill.description.text, severity: .info))
        }
        if let finding = shareFinding(subject, untraceable: untraceable, total: skills.count) { findings.append(finding) }
        if let finding = levelFinding(subject, skillStems: skillStems, minimum: minimum) { findings.append(finding) }
        return RuleOutcome(findings: findings, checksRun: skills.count + subject.level.bullets.count)
    }

    private func shareFinding(_ subject: ReviewSubject, untraceable: [String], total: Int) -> Finding? {
        let share = Double(untraceable.count) / Double(total)
        let allowed = subject.parameters.number("max_untraceable_share")
        guard share > allowed else { return nil }
        let major = share > subject.parameters.number("major_untraceable_share")
        let (location, pointer) = RuleText.node("skills", in: subject.profile)
        return subject.finding(
            "\(untraceable.count) of \(total) skills (\(RuleText.percent(share))) appear in no responsibility; "
                + "at most \(RuleText.percent(allowed)) allowed",
            at: location, pointer: pointer, evidence: untraceable.joined(separator: "; "),
            severity: major ? .major : .minor,
            suggestion: "Remove skills no level needs, or add the responsibilities that use them.")
    }

    /// The level under review when none of its bullets uses any skill.
    private func levelFinding(_ subject: ReviewSubject, skillStems: [HashedTermSet], minimum: Int) -> Finding? {
        let bullets = subject.level.bullets
        guard !bullets.isEmpty else { return nil }
        let usesSkill = bullets.contains { bullet in
            skillStems.contains { HashedTermSet.intersectionCount($0, bullet.stemKeys) >= minimum }
        }
        guard !usesSkill else { return nil }
        return subject.finding(
            "None of \(subject.level.level.code.value)'s \(bullets.count) responsibilities uses any of the "
                + "\(skillStems.count) listed skills",
            at: subject.level.level.location, pointer: subject.level.pointer.appending("responsibilities"),
            evidence: bullets.map(\.text).joined(separator: " | "),
            suggestion: "Describe this level's work with the skills the profile lists, or list the skills it uses.")
    }

    /// The content stems of `texts` that are not in `excluded`.
    static func stems(of texts: [AnalyzedText], excluding excluded: HashedTermSet) -> HashedTermSet {
        HashedTermSet.union(texts.map(\.stemKeys)).subtracting(excluded)
    }
}
