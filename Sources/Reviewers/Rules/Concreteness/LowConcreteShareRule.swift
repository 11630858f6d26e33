import ProfileModel

/// Most bullets must name something a reader could check.
public struct LowConcreteShareRule: ReviewRule {
    public init() {}

    public static let description = RuleDescription(
        id: "low_concrete_share",
        name: "Too few concrete bullets",
        dimension: .concreteness,
        defaultSeverity: .major,
        summary: """
            Share of a level's bullets that name something concrete: a domain entity or measure, an artefact, a \
            standard, a number, or a product-like name (JMP, Vi-CELL, BlackLine). Graded by bands; an info finding \
            marks each bullet that names nothing.
            """,
        rationale: """
            A bullet that names the record, instrument, system or measure it works with can be checked against \
            the real job; one that names none could be pasted into any profile.
            """,
        parameters: ShareBands.parameters,
        passingExamples: [RuleExample("", level: "M1", note: "Every M1 bullet names equipment, a record or a measure.")],
        failingExamples: [
            RuleExample("""
                levels:
                  - code: M1
                    responsibilities:
                      - Runs the upstream shift and keeps the work on plan so that the team meets its goals each week.
                      - Assigns each associate on the shift to the right tasks and checks that they are ready to start.
                      - Supervises the team's work in its own area and corrects mistakes while the work is being done.
                      - Opens deviation records for events on the shift and follows the escalation matrix for alarms.
                """, level: "M1", note: "Three of four bullets name nothing concrete (25%): a blocker."),
        ]
    )

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        let anchors = ConcreteAnchors(subject)
        let bullets = subject.level.bullets
        guard !bullets.isEmpty else { return RuleOutcome(checksRun: 0) }
        var findings: [Finding] = []
        var concrete = 0
        for bullet in bullets {
            if anchors.anchor(in: bullet) != nil {
                concrete += 1
            } else {
                findings.append(subject.finding(
                    "This bullet names no equipment, system, record, standard, measure or number", about: bullet,
                    severity: .info,
                    suggestion: "Name what the work touches: the instrument or system, the record produced, the measure judged."))
            }
        }
        let share = Double(concrete) / Double(bullets.count)
        if let severity = ShareBands.severity(share, subject.parameters) {
            let level = subject.level
            let vague = bullets.count - concrete
            findings.append(subject.finding(
                "\(vague) of \(bullets.count) \(level.level.code.value) bullets (\(ShareBands.percent(1 - share))) name nothing concrete; concrete share \(ShareBands.percent(share)) is below \(ShareBands.percent(subject.parameters.number("minor_below")))",
                at: level.level.location, pointer: level.pointer.appending("responsibilities"),
                evidence: findings.map(\.evidence).joined(separator: "\n"), severity: severity,
                suggestion: "Anchor each bullet in a named system, instrument, record, regulation or number."))
        }
        return RuleOutcome(findings: findings, checksRun: bullets.count)
    }
}
