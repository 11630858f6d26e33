import ProfileModel

/// A responsibility starts with what the person does.
public struct MissingActionVerbRule: ReviewRule {
    public init() {}

    public static let description = RuleDescription(
        id: "missing_action_verb",
        name: "Bullet without an action verb",
        dimension: .concreteness,
        defaultSeverity: .minor,
        summary: "A responsibility whose first word is not a verb of the action-verbs lexicon: minor each.",
        rationale: """
            "Responsible for quality" or "Other duties" names an area, not work; an opening verb forces the \
            writer to say what the person actually does.
            """,
        passingExamples: [RuleExample("", level: "M1", note: "Runs, Assigns, Supervises, Checks, Opens.")],
        failingExamples: [
            RuleExample("""
                levels:
                  - code: M1
                    responsibilities:
                      - Responsible for the upstream shift from vial thaw through N-1 and production bioreactors to harvest.
                      - Assigns each associate on the shift to media preparation, bioreactor set-up, sampling or inoculation tasks.
                      - Checks pH, dissolved oxygen and viability results from the Vi-CELL at every sample point.
                      - Opens deviation records for events on the shift and follows the escalation matrix for alarms.
                """, level: "M1", note: "\"Responsible for …\" is not an action."),
        ]
    )

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        let lexicon = subject.knowledge.lexicons.actionVerbs
        let bullets = subject.level.bullets
        let findings = bullets.compactMap { bullet -> Finding? in
            guard let first = bullet.tokens.first else { return nil }
            if lexicon.singleWordStems.contains(stemOf: first) { return nil }
            if lexicon.phrases.firstMatch(in: bullet.tokens)?.tokenRange.lowerBound == 0 { return nil }
            return subject.finding(
                "The bullet opens with \"\(bullet.excerpt(0..<1))\", not an action verb", about: bullet,
                suggestion: "Start with what the person does: runs, approves, trends, reconciles, hires.")
        }
        return RuleOutcome(findings: findings, checksRun: bullets.count)
    }
}
