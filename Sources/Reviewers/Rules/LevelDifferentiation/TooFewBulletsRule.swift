import ProfileModel

/// A level needs enough responsibilities to describe the job.
public struct TooFewBulletsRule: ReviewRule {
    public init() {}

    public static let description = RuleDescription(
        id: "too_few_bullets",
        name: "Too few responsibilities",
        dimension: .levelDifferentiation,
        defaultSeverity: .minor,
        summary: "A level should list at least `min_bullets` responsibilities.",
        rationale: """
            Three bullets rarely cover the work, the decisions and the people side of a level, so a reader cannot \
            tell it from its neighbours; the schema already refuses fewer than three.
            """,
        parameters: [RuleParameter("min_bullets", default: .number(4), "Fewest responsibilities a level should list.")],
        passingExamples: [RuleExample("", level: "M1", note: "M1 lists five responsibilities.")],
        failingExamples: [
            RuleExample("""
                levels:
                  - code: M1
                    responsibilities:
                      - Runs a single upstream shift from vial thaw through N-1 and production bioreactors to harvest transfer.
                      - Checks pH, dissolved oxygen and viability results from the Vi-CELL at every sample point.
                      - Opens deviation records for events on the shift and follows the escalation matrix for alarms.
                """, level: "M1", note: "Three bullets."),
        ]
    )

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        let minimum = subject.parameters.integer("min_bullets")
        let count = subject.level.bullets.count
        guard count < minimum else { return RuleOutcome(checksRun: 1) }
        let level = subject.level
        let finding = subject.finding(
            "\(level.level.code.value) lists \(count) responsibilities; at least \(minimum) are expected",
            at: level.level.location, pointer: level.pointer.appending("responsibilities"),
            evidence: level.bullets.map(\.text).joined(separator: "\n"),
            suggestion: "Add the level's missing duties: the decisions it takes, the people it leads, the records it owns.")
        return RuleOutcome(findings: [finding], checksRun: 1)
    }
}
