import ProfileModel

/// The level's name against the catalogue name for its code.
public struct LevelNameMismatchRule: ReviewRule {
    public init() {}

    public static let description = RuleDescription(
        id: "level_name_mismatch",
        name: "Level name matches the catalogue",
        dimension: .factualAccuracy,
        defaultSeverity: .minor,
        summary: "The level's `name` must be the catalogue's name for its code (case and spacing ignored).",
        rationale: """
            Level names are shared vocabulary across every family. A profile calling M3 "Director" contradicts the \
            catalogue, and readers will infer the wrong grade and pay.
            """,
        passingExamples: [
            RuleExample("levels:\n  - { code: M3, name: senior  manager }\n", level: "M3", note: "Case and spacing ignored."),
        ],
        failingExamples: [
            RuleExample("levels:\n  - { code: M3, name: Director }\n", level: "M3", note: "M3 is Senior Manager."),
        ]
    )

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        let level = subject.level
        guard let catalogue = level.catalogueLevel else { return RuleOutcome(checksRun: 0) }
        let name = level.level.name
        guard Self.normalised(name.value) != Self.normalised(catalogue.name) else { return RuleOutcome(checksRun: 1) }
        let finding = subject.finding(
            "\(level.level.code.value) is named \"\(name.value)\"; the catalogue names it \"\(catalogue.name)\"",
            at: name.location, pointer: level.pointer.appending("name"), evidence: name.value,
            suggestion: "Use the catalogue name \"\(catalogue.name)\"; put job titles under aliases."
        )
        return RuleOutcome(findings: [finding], checksRun: 1)
    }

    static func normalised(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }
}
