import ProfileModel

/// Experience and pay are the ladder's hard evidence of escalation; stating them for some levels
/// only leaves the rise unproven.
public struct IncompleteLadderDataRule: ReviewRule {
    public init() {}

    public static let description = RuleDescription(
        id: "incomplete_ladder_data",
        name: "Years or pay given for only some levels",
        dimension: .levelDifferentiation,
        defaultSeverity: .minor,
        summary: """
            When some levels of the ladder state `years` (or `pay`) and others do not, the rise from level to level \
            cannot be checked. One finding per missing field, reported on every level of the ladder.
            """,
        rationale: """
            Differentiation claims in prose are cheap; typical experience and market pay are the figures a reviewer \
            compares across levels. A ladder that gives them for one level only shows nothing about the others.
            """,
        passingExamples: [RuleExample("", level: "M2", note: "Every level states years and pay.")],
        failingExamples: [
            RuleExample("""
                levels:
                  - { code: M1, years: ~, pay: ~ }
                  - { code: M2, years: ~ }
                """, level: "M3", note: "Only M3 states years; M2 and M3 state pay."),
        ]
    )

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        let levels = subject.analysis.levels
        var findings: [Finding] = []
        let fields: [(name: String, present: (Level) -> Bool)] = [("years", { $0.years != nil }), ("pay", { $0.pay != nil })]
        for field in fields {
            let missing = levels.filter { !field.present($0.level) }
            guard !missing.isEmpty, missing.count < levels.count, let first = missing.first else { continue }
            let codes = missing.map(\.level.code.value).joined(separator: ", ")
            let stated = levels.filter { field.present($0.level) }.map(\.level.code.value).joined(separator: ", ")
            findings.append(subject.finding(
                "\(field.name) is stated for \(stated) but not for \(codes), so its rise across the ladder cannot be checked",
                at: first.level.location, pointer: first.pointer,
                evidence: "levels with \(field.name): \(stated); without: \(codes)",
                suggestion: "Give \(field.name) for every level, from the same source, so the ladder shows it rising."))
        }
        return RuleOutcome(findings: findings, checksRun: fields.count)
    }
}
