import ProfileModel

/// Phrases that fit any job.
public struct GenericBoilerplateRule: ReviewRule {
    public init() {}

    public static let description = RuleDescription(
        id: "generic_boilerplate",
        name: "Generic boilerplate",
        dimension: .focusSpecificity,
        defaultSeverity: .minor,
        summary: """
            Boilerplate-lexicon phrases in the level's bullets and guideline cells and in the profile summary: \
            minor each unless the lexicon grades the phrase; major for a bullet whose boilerplate words are at \
            least `mostly_share` of its content words.
            """,
        rationale: """
            "Drives results in a fast-paced environment" fits every job ad; each such phrase takes the place of a \
            sentence that would have said what this focus does.
            """,
        parameters: [
            RuleParameter("mostly_share", default: .number(0.5), "Share of a bullet's content words in boilerplate that makes it major."),
        ],
        passingExamples: [RuleExample("", level: "M2", note: "No boilerplate.")],
        failingExamples: [
            RuleExample("""
                levels:
                  - code: M2
                    responsibilities:
                      - Leads shift leads and senior associates on all shifts of the upstream suite, setting one handover standard.
                      - Authors and approves upstream deviations, CAPAs and change controls within delegated limits with QA.
                      - Trends viable cell concentration, viability and titre across batches and multiple shifts in JMP.
                      - Drives results and adds value as a team player in a fast-paced environment.
                """, level: "M2", note: "A boilerplate bullet."),
        ]
    )

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        let lexicon = subject.knowledge.lexicons.boilerplate
        let mostly = subject.parameters.number("mostly_share")
        let bullets = Set(subject.level.bullets.map(\.pointer))
        let texts = subject.level.allTexts + [subject.analysis.summary]
        var findings: [Finding] = []
        for text in texts {
            let matches = lexicon.surfaceMatches(in: text.tokens)
            guard !matches.isEmpty else { continue }
            let covered = matches.reduce(0) { sum, match in sum + text.tokens[match.tokenRange].filter(\.isContent).count }
            let content = max(text.tokens.filter(\.isContent).count, 1)
            if bullets.contains(text.pointer), Double(covered) / Double(content) >= mostly {
                findings.append(subject.finding(
                    "The bullet is mostly boilerplate (\(covered) of \(content) content words: \(matches.map { "\"\(text.excerpt($0.tokenRange))\"" }.joined(separator: ", ")))",
                    about: text, severity: .major,
                    suggestion: "Replace it with a duty specific to this focus: what is done, to what, to which standard."))
                continue
            }
            for (entry, range) in matches {
                findings.append(subject.finding(
                    "Boilerplate \"\(text.excerpt(range))\" says nothing about this focus", about: text,
                    severity: entry.severity ?? .minor,
                    suggestion: entry.suggestion ?? "Say what it means for this job: the work, artefact or decision."))
            }
        }
        return RuleOutcome(findings: findings, checksRun: texts.count)
    }
}
