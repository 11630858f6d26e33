import ProfileModel

/// A guideline cell must not repeat the same cell of a lower level.
public struct NearDuplicateGuidelinesRule: ReviewRule {
    public init() {}

    public static let description = RuleDescription(
        id: "near_duplicate_guidelines",
        name: "Guidelines copied from another level",
        dimension: .levelDifferentiation,
        defaultSeverity: .major,
        summary: """
            Compares each guideline cell (knowledge, complexity, collaboration, experience) with the same cell of \
            every lower level; a pair at or above `threshold` similarity is reported on the higher level.
            """,
        rationale: """
            The guidelines are where the rubric states how knowledge, complexity and collaboration grow; a cell \
            repeated from the level below says the level does not grow on that axis.
            """,
        parameters: [
            RuleParameter("threshold", default: .number(0.7), "Similarity at or above which two cells are near-duplicates (bundled profiles reach 0.55 on experience cells)."),
        ],
        passingExamples: [RuleExample("", level: "M3", note: "Each M3 cell describes department-level work.")],
        failingExamples: [
            RuleExample("""
                levels:
                  - code: M2
                    guidelines:
                      complexity: >-
                        Solves routine production, equipment and paperwork problems with established fixes and escalates
                        anything non-standard. Decisions affect the output and documentation of the shifts over days.
                """, level: "M2", note: "M2's complexity cell is M1's."),
        ]
    )

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        let threshold = subject.parameters.number("threshold")
        let code = subject.level.level.code.value
        var findings: [Finding] = []
        var pairs = 0
        for (key, cell) in subject.level.guidelines {
            var best: (other: AnalyzedText, code: String, similarity: Double)?
            for lower in subject.lowerLevels {
                guard let other = lower.guideline(key) else { continue }
                pairs += 1
                let similarity = NearDuplicate.similarity(cell, other)
                if similarity >= threshold, similarity > (best?.similarity ?? -1) {
                    best = (other, lower.level.code.value, similarity)
                }
            }
            guard let best else { continue }
            findings.append(subject.finding(
                "\(code)'s \(key) guideline nearly duplicates \(best.code)'s (similarity \(NearDuplicate.format(best.similarity)) ≥ \(NearDuplicate.format(threshold)))",
                about: cell, evidence: "\(code): \(cell.text)\n\(best.code): \(best.other.text)",
                suggestion: "Describe how \(key) at \(code) goes beyond \(best.code): breadth, horizon, who is involved."))
        }
        return RuleOutcome(findings: findings, checksRun: max(pairs, 1))
    }
}
