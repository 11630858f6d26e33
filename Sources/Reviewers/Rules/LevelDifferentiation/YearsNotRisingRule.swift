import ProfileModel

/// Typical experience must rise with the level.
public struct YearsNotRisingRule: ReviewRule {
    public init() {}

    public static let description = RuleDescription(
        id: "years_not_rising",
        name: "Experience years do not rise",
        dimension: .levelDifferentiation,
        defaultSeverity: .major,
        summary: """
            A level's typical years of experience must rise above the level below it: a range whose minimum and \
            maximum are both no higher than the previous level's is flagged. Overlapping ranges are normal.
            """,
        rationale: """
            Experience is one of the few observable signals of level; equal or falling years say the two levels \
            are the same job, or that one of them is mislevelled.
            """,
        passingExamples: [RuleExample("", level: "M2", note: "M1 3–6 years, M2 5–9 years.")],
        failingExamples: [
            RuleExample("""
                levels:
                  - { code: M2, years: { min: 3, max: 6 } }
                """, level: "M2", note: "M2 repeats M1's 3–6 years."),
        ]
    )

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        guard let previous = subject.previousLevel else { return RuleOutcome(checksRun: 1) }
        guard let years = subject.level.level.years, let before = previous.level.years else {
            return RuleOutcome(checksRun: 0)
        }
        guard years.min <= before.min && years.max <= before.max else { return RuleOutcome(checksRun: 1) }
        let code = subject.level.level.code.value
        let previousCode = previous.level.code.value
        let finding = subject.finding(
            "\(code) expects \(years.min)–\(years.max) years, no more than \(previousCode)'s \(before.min)–\(before.max)",
            at: years.location, pointer: subject.level.pointer.appending("years"),
            evidence: "\(previousCode): \(before.min)–\(before.max) years; \(code): \(years.min)–\(years.max) years",
            suggestion: "Raise \(code)'s range so both ends sit above \(previousCode)'s, or check which level is mislevelled.")
        return RuleOutcome(findings: [finding], checksRun: 1)
    }
}
