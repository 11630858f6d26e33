import LocatedDocument
import ProfileModel

/// The ladder must be contiguous on its track and long enough to show progression.
public struct MissingLevelsRule: ReviewRule {
    public init() {}

    public static let description = RuleDescription(
        id: "missing_levels",
        name: "Missing or too few levels",
        dimension: .levelDifferentiation,
        defaultSeverity: .major,
        summary: """
            The profile's levels must form a contiguous run of its track's catalogue levels (M1, M2, M3 — not M1, M3) \
            and there must be at least `min_levels` of them.
            """,
        rationale: """
            A gap in the ladder leaves people at the skipped level without a profile and hides whether the step \
            between the neighbours is one level or two; a two-level ladder cannot show progression.
            """,
        parameters: [
            RuleParameter("min_levels", default: .number(3), "Fewest levels a profile should have (minor below it)."),
        ],
        passingExamples: [RuleExample("", note: "M1, M2, M3 on the management track.")],
        failingExamples: [
            RuleExample(MissingLevelsRule.gapOverlay, level: "M5", note: "An M5 level appended: M1, M2, M3, M5 skips M4."),
        ]
    )

    /// Appends an M5 level so the ladder reads M1, M2, M3, M5 with M4 missing.
    static let gapOverlay = """
        levels:
          - code: M5
            name: Senior Director
            years: { min: 14, max: 20 }
            responsibilities:
              - Governs upstream manufacturing across the site network and harmonises bioreactor platforms between sites.
              - Allocates capital for single-use bioreactor capacity among sites in the region and arbitrates trade-offs.
              - Mandates network-wide standards for deviation, CAPA and change-control performance in upstream areas.
            guidelines:
              knowledge: Broad knowledge of upstream biologics manufacturing networks and their regulators.
              complexity: Network-level trade-offs on where to place products and capacity among sites.
              collaboration: Leads site directors and works with the executive team on the network plan.
              experience: Usually 14 to 20 years in biomanufacturing, including leading several sites.
        """

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        guard let track = subject.analysis.track else { return RuleOutcome(checksRun: 0) }
        let ranks = Set(subject.analysis.levels.compactMap(\.rank))
        let (location, pointer) = levelsNode(subject)
        let codes = subject.analysis.levels.map(\.level.code.value).joined(separator: ", ")
        var findings: [Finding] = []
        if let low = ranks.min(), let high = ranks.max() {
            let missing = (low...high).filter { !ranks.contains($0) }.map { track.levels[$0].code }
            if !missing.isEmpty {
                findings.append(subject.finding(
                    "The ladder \(codes) skips \(missing.joined(separator: ", ")) on the \(track.name) track",
                    at: location, pointer: pointer, evidence: codes, severity: .major,
                    suggestion: "Add the missing level(s) with their own scope and decisions, or renumber the ladder."))
            }
        }
        let minimum = subject.parameters.integer("min_levels")
        if subject.analysis.levels.count < minimum {
            findings.append(subject.finding(
                "The profile has \(subject.analysis.levels.count) level(s); at least \(minimum) are needed to show progression",
                at: location, pointer: pointer, evidence: codes, severity: .minor,
                suggestion: "Extend the ladder to the levels the job family really has on this track."))
        }
        return RuleOutcome(findings: findings, checksRun: 2)
    }

    private func levelsNode(_ subject: ReviewSubject) -> (SourceLocation, JSONPointer) {
        (subject.profile.document["levels"]?.location ?? subject.level.level.location, JSONPointer.root.appending("levels"))
    }
}
