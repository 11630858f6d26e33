import ProfileModel

/// A higher level must not reuse a lower level's bullets.
public struct NearDuplicateBulletsRule: ReviewRule {
    public init() {}

    public static let description = RuleDescription(
        id: "near_duplicate_bullets",
        name: "Bullets copied from another level",
        dimension: .levelDifferentiation,
        defaultSeverity: .major,
        summary: """
            Compares each responsibility with every responsibility of the lower levels (the larger of the Jaccard \
            similarity of content stems and of two-word shingles). A pair at or above `threshold` is reported on \
            the higher level, which failed to differentiate; when `blocker_share` of the level's bullets are such \
            copies, one blocker replaces the per-bullet findings.
            """,
        rationale: """
            Copy-pasted bullets are the commonest way a ladder fakes progression: the words stay the same and only \
            the title changes, so nobody can say what the higher level does differently.
            """,
        parameters: [
            RuleParameter("threshold", default: .number(0.5), "Similarity at or above which two bullets are near-duplicates (bundled profiles reach 0.29)."),
            RuleParameter("blocker_share", default: .number(0.5), "Share of the level's bullets that are copies at which the finding is a blocker."),
        ],
        passingExamples: [RuleExample("", level: "M2", note: "M2's bullets describe cross-shift work, not M1's shift.")],
        failingExamples: [
            RuleExample("""
                levels:
                  - code: M2
                    responsibilities:
                      - Runs a single upstream shift from vial thaw and seed-train passages through N-1 and production bioreactors to harvest transfer.
                      - Assigns each associate on the shift to media preparation, bioreactor set-up, sampling or inoculation tasks.
                      - Supervises gowning, biosafety-cabinet manipulations and cleanroom cleaning in the team's own area.
                      - Checks pH, dissolved oxygen, viable cell concentration and viability results from the Vi-CELL and Cedex Bio.
                """, level: "M2", note: "M2's bullets are M1's, shortened: a blocker."),
            RuleExample("""
                levels:
                  - code: M3
                    responsibilities:
                      - Owns the upstream department's operating plan, headcount and area budget, and sets yearly targets for schedule attainment.
                      - Hires and develops supervisors for multiple teams, and decides staffing models and training curricula for new processes.
                      - Represents upstream in technology transfer from Process Development, committing department people and bioreactor time.
                      - Decides trade-offs among throughput, quality and capacity from statistical trends of process data.
                      - Authors and approves upstream deviations, CAPAs and change controls within delegated limits, and dispositions recurring events with QA.
                """, level: "M3", note: "One bullet copied from M2: a major."),
        ]
    )

    struct Copy {
        var bullet: AnalyzedText
        var other: AnalyzedText
        var otherCode: String
        var similarity: Double
    }

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        let threshold = subject.parameters.number("threshold")
        var copies: [Copy] = []
        var pairs = 0
        for bullet in subject.level.bullets {
            var best: Copy?
            for lower in subject.lowerLevels {
                for other in lower.bullets {
                    pairs += 1
                    let similarity = NearDuplicate.similarity(bullet, other)
                    if similarity >= threshold, similarity > (best?.similarity ?? -1) {
                        best = Copy(bullet: bullet, other: other, otherCode: lower.level.code.value, similarity: similarity)
                    }
                }
            }
            if let best { copies.append(best) }
        }
        return RuleOutcome(findings: findings(copies, subject, threshold: threshold), checksRun: max(pairs, 1))
    }

    private func findings(_ copies: [Copy], _ subject: ReviewSubject, threshold: Double) -> [Finding] {
        guard !copies.isEmpty else { return [] }
        let code = subject.level.level.code.value
        let total = subject.level.bullets.count
        let share = Double(copies.count) / Double(max(total, 1))
        if share >= subject.parameters.number("blocker_share") {
            let others = Set(copies.map(\.otherCode)).sorted().joined(separator: ", ")
            let evidence = copies.map { "\(code): \($0.bullet.text)\n\($0.otherCode): \($0.other.text)" }
                .joined(separator: "\n")
            return [subject.finding(
                "\(code) reuses \(copies.count) of its \(total) bullets from \(others) nearly verbatim (\(Int((share * 100).rounded()))% ≥ \(Int((subject.parameters.number("blocker_share") * 100).rounded()))%; similarity ≥ \(NearDuplicate.format(threshold)))",
                at: subject.level.level.location, pointer: subject.level.pointer.appending("responsibilities"),
                evidence: evidence, severity: .blocker,
                suggestion: "Rewrite \(code)'s bullets around its own scope and decisions instead of the lower level's tasks.")]
        }
        return copies.map { copy in
            subject.finding(
                "This \(code) bullet nearly duplicates a \(copy.otherCode) bullet (similarity \(NearDuplicate.format(copy.similarity)) ≥ \(NearDuplicate.format(threshold)))",
                about: copy.bullet, evidence: "\(code): \(copy.bullet.text)\n\(copy.otherCode): \(copy.other.text)",
                severity: .major,
                suggestion: "Say what \(code) does beyond \(copy.otherCode) here: wider scope, the decision it takes, the result it answers for.")
        }
    }
}
