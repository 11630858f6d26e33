import ProfileModel

/// Hedges, vague quantities and open-ended lists.
public struct VagueLanguageRule: ReviewRule {
    public init() {}

    public static let description = RuleDescription(
        id: "vague_language",
        name: "Vague language",
        dimension: .concreteness,
        defaultSeverity: .minor,
        summary: """
            Phrases of the vague-language lexicon in bullets and guideline cells: minor each unless the lexicon \
            grades the phrase ("other duties as assigned", "etc." are major); `summary_hits` or more in one level \
            add a major summary finding.
            """,
        rationale: """
            "Various tasks as needed, etc." leaves the reader to guess the job; a profile exists to stop that \
            guessing, so every hedge is a place where it failed.
            """,
        parameters: [
            RuleParameter("summary_hits", default: .number(4), "Hits in one level from which a major summary finding is added."),
        ],
        passingExamples: [RuleExample("", level: "M1", note: "No hedges or open lists.")],
        failingExamples: [
            RuleExample("""
                levels:
                  - code: M1
                    responsibilities:
                      - Runs a single upstream shift from vial thaw through N-1 and production bioreactors to harvest transfer.
                      - Assigns each associate on the shift to media preparation, bioreactor set-up, sampling or inoculation tasks.
                      - Checks pH, dissolved oxygen and viability results from the Vi-CELL at every sample point.
                      - Opens deviation records for events on the shift and follows the escalation matrix for alarms.
                      - Handles various tasks as needed, etc.
                      - Other duties as assigned.
                """, level: "M1", note: "Filler bullets."),
        ]
    )

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        let lexicon = subject.knowledge.lexicons.vagueLanguage
        let texts = subject.level.allTexts
        var findings: [Finding] = []
        for text in texts {
            for (entry, range) in lexicon.surfaceMatches(in: text.tokens) {
                findings.append(subject.finding(
                    "Vague phrase \"\(text.excerpt(range))\"", about: text, evidence: text.text,
                    severity: entry.severity ?? .minor,
                    suggestion: entry.suggestion ?? "Replace it with the specific items, numbers or triggers."))
            }
        }
        if findings.count >= subject.parameters.integer("summary_hits") {
            let level = subject.level
            findings.append(subject.finding(
                "\(level.level.code.value) has \(findings.count) vague phrases (≥ \(subject.parameters.integer("summary_hits")))",
                at: level.level.location, pointer: level.pointer,
                evidence: findings.map(\.message).joined(separator: "\n"), severity: .major,
                suggestion: "Rewrite the level's text with named tasks, systems and measures instead of hedges."))
        }
        return RuleOutcome(findings: findings, checksRun: texts.count)
    }
}
