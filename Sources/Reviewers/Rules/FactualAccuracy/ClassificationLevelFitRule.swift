import ProfileModel

/// The level against the kind of occupation the profile maps to: supervisors, managers, executives.
public struct ClassificationLevelFitRule: ReviewRule {
    public init() {}

    public static let description = RuleDescription(
        id: "classification_level_fit",
        name: "Classification fits the level",
        dimension: .factualAccuracy,
        defaultSeverity: .minor,
        summary: """
            Compares the level with its O*NET occupations: management levels from `supervisor_max_rank`+1 up mapped \
            only to First-Line Supervisors, professional levels below `professional_management_rank` mapped only to \
            management (11-) codes, or entry management levels mapped only to executive codes.
            """,
        rationale: """
            A department head is not a first-line supervisor, a junior specialist is not a manager, and a shift \
            manager is not a chief executive. A mapping that misses the level misleads every benchmark built on it.
            """,
        parameters: [
            RuleParameter("supervisor_max_rank", default: .number(1),
                          "Highest management rank (0 = M1) that First-Line Supervisor codes alone may describe."),
            RuleParameter("professional_management_rank", default: .number(3),
                          "Professional rank (0 = P1) from which management-only codes are plausible (3 = P4)."),
            RuleParameter("executive_codes", default: .list(["11-1011", "11-1021"]),
                          "Code prefixes of executive occupations (chief executives, general and operations managers)."),
            RuleParameter("executive_max_rank", default: .number(0),
                          "Highest management rank that must not be mapped only to executive codes."),
        ],
        passingExamples: [
            RuleExample("classifications:\n  - { system: O*NET-SOC, code: 51-1011.00, source: s1 }\n", level: "M1",
                        note: "A first-line supervisor code fits M1."),
        ],
        failingExamples: [
            RuleExample("classifications:\n  - { system: O*NET-SOC, code: 51-1011.00, source: s1 }\n", level: "M3",
                        note: "A department-level Senior Manager mapped only to First-Line Supervisors."),
            RuleExample("classifications:\n  - { system: O*NET-SOC, code: 11-1021.00, source: s1 }\n", level: "M1",
                        note: "A single-shift manager mapped only to General and Operations Managers."),
        ]
    )

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        let mapped = RuleText.knownOccupations(of: subject.profile, in: subject.knowledge.occupations)
        guard !mapped.isEmpty, let rank = subject.level.rank, let track = subject.analysis.track else {
            return RuleOutcome(checksRun: 0)
        }
        let occupations = mapped.map(\.1)
        let parameters = subject.parameters
        var problem: String?
        if track.id == "management" {
            let executive = parameters.list("executive_codes")
            if rank > parameters.integer("supervisor_max_rank"), occupations.allSatisfy(\.isFirstLineSupervisor) {
                problem = "is mapped only to First-Line Supervisor occupations"
            } else if rank <= parameters.integer("executive_max_rank"),
                      occupations.allSatisfy({ occupation in executive.contains { occupation.code.hasPrefix($0) } }) {
                problem = "is mapped only to executive occupations"
            }
        } else if track.id == "professional", rank < parameters.integer("professional_management_rank"),
                  occupations.allSatisfy(\.isManagement) {
            problem = "is an individual-contributor level mapped only to management (11-) occupations"
        }
        guard let problem else { return RuleOutcome(checksRun: occupations.count) }
        let (location, pointer) = RuleText.node("classifications", in: subject.profile)
        let listed = occupations.map { "\($0.code) \($0.title)" }.joined(separator: "; ")
        let finding = subject.finding(
            "\(subject.level.level.code.value) (\(subject.level.catalogueLevel?.name ?? "rank \(rank)")) \(problem)",
            at: location, pointer: pointer, evidence: listed,
            suggestion: "Add the occupation this level actually does (e.g. 11-3051.00 Industrial Production Managers "
                + "for a department head, a specialist code for a professional)."
        )
        return RuleOutcome(findings: [finding], checksRun: occupations.count)
    }
}
