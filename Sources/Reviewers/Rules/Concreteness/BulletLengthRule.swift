import ProfileModel

/// Bullets long enough to say something and short enough to read.
public struct BulletLengthRule: ReviewRule {
    public init() {}

    public static let description = RuleDescription(
        id: "bullet_length",
        name: "Bullet too short or too long",
        dimension: .concreteness,
        defaultSeverity: .minor,
        summary: "A responsibility shorter than `min_words` or longer than `max_words` words: minor each.",
        rationale: """
            A four-word bullet cannot name the work, its object and its standard; a sixty-word one buries several \
            duties in one sentence, so neither can be checked.
            """,
        parameters: [
            RuleParameter("min_words", default: .number(8), "Fewest words a bullet should have."),
            RuleParameter("max_words", default: .number(60), "Most words a bullet should have."),
        ],
        passingExamples: [RuleExample("", level: "M1", note: "M1's bullets have 25–35 words.")],
        failingExamples: [
            RuleExample("""
                levels:
                  - code: M1
                    responsibilities:
                      - Runs the upstream shift.
                      - Assigns each associate on the shift to media preparation, bioreactor set-up, sampling or inoculation tasks.
                      - Checks pH, dissolved oxygen and viability results from the Vi-CELL at every sample point.
                      - Opens deviation records for events on the shift and follows the escalation matrix for alarms.
                """, level: "M1", note: "A four-word bullet."),
        ]
    )

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        let minimum = subject.parameters.integer("min_words")
        let maximum = subject.parameters.integer("max_words")
        let bullets = subject.level.bullets
        let findings = bullets.compactMap { bullet -> Finding? in
            let words = bullet.wordCount
            if words < minimum {
                return subject.finding(
                    "The bullet has \(words) words, fewer than \(minimum)", about: bullet,
                    suggestion: "Say what is done, to what, and to which standard or result.")
            }
            if words > maximum {
                return subject.finding(
                    "The bullet has \(words) words, more than \(maximum)", about: bullet,
                    suggestion: "Split it into one bullet per duty.")
            }
            return nil
        }
        return RuleOutcome(findings: findings, checksRun: bullets.count)
    }
}
