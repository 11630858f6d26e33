import ProfileModel

/// The level's years of experience against the level catalogue's typical range for its code.
public struct YearsOutsideCatalogueRule: ReviewRule {
    public init() {}

    public static let description = RuleDescription(
        id: "years_outside_catalogue",
        name: "Years match the level catalogue",
        dimension: .factualAccuracy,
        defaultSeverity: .major,
        summary: """
            The level's `years` range must overlap the catalogue's years for its code; a gap larger than the \
            tolerance is major, a smaller gap minor.
            """,
        rationale: """
            The catalogue fixes what a level means across the company. An M3 stated as 2–4 years of experience is \
            either mislabelled or misdescribed, and pay, titles and hiring built on it will be wrong.
            """,
        parameters: [
            RuleParameter("tolerance_years", default: .number(2),
                          "A gap of at most this many years between the ranges is minor, a larger gap major."),
        ],
        passingExamples: [
            RuleExample("levels:\n  - { code: M3, years: { min: 7, max: 11 } }\n", level: "M3",
                        note: "Overlaps the catalogue's 8–12 years."),
        ],
        failingExamples: [
            RuleExample("levels:\n  - { code: M3, years: { min: 2, max: 4 } }\n", level: "M3",
                        note: "Four years below the catalogue's 8–12."),
        ]
    )

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        let level = subject.level
        guard let years = level.level.years, let catalogue = level.catalogueLevel else { return RuleOutcome(checksRun: 0) }
        let expected = catalogue.years
        let gap = years.min > expected.upperBound ? years.min - expected.upperBound
            : expected.lowerBound > years.max ? expected.lowerBound - years.max : 0
        guard gap > 0 else { return RuleOutcome(checksRun: 1) }
        let tolerance = subject.parameters.integer("tolerance_years")
        let direction = years.min > expected.upperBound ? "above" : "below"
        let finding = subject.finding(
            "\(level.level.code.value) states \(years.min)–\(years.max) years, \(gap) year(s) \(direction) the "
                + "catalogue's \(expected.lowerBound)–\(expected.upperBound) for \(catalogue.name)",
            at: years.location, pointer: level.pointer.appending("years"),
            evidence: "years: { min: \(years.min), max: \(years.max) }; catalogue \(catalogue.code): "
                + "\(expected.lowerBound)–\(expected.upperBound)",
            severity: gap > tolerance ? .major : .minor,
            suggestion: "Align years with the catalogue (\(expected.lowerBound)–\(expected.upperBound)) or map the "
                + "content to the level whose experience it describes."
        )
        return RuleOutcome(findings: [finding], checksRun: 1)
    }
}
