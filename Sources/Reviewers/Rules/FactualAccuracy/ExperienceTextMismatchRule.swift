import ProfileModel
import TextAnalysis

/// Years stated in the experience guideline against the level's own `years`.
public struct ExperienceTextMismatchRule: ReviewRule {
    public init() {}

    public static let description = RuleDescription(
        id: "experience_text_mismatch",
        name: "Experience text matches years",
        dimension: .factualAccuracy,
        defaultSeverity: .minor,
        summary: """
            Year ranges written in `guidelines.experience` must be consistent with the level's `years`: no \
            stated minimum above years.max, and the first (total) range not ending below years.min, within tolerance.
            """,
        rationale: """
            The experience cell is what recruiters copy into postings. If it says 15 years while the level says \
            8–12, one of them is wrong. Later ranges such as "including 5 or more years managing supervisors" \
            describe part of the career, so only a stated minimum beyond the level's maximum contradicts them.
            """,
        parameters: [
            RuleParameter("tolerance_years", default: .number(1), "Years of slack before a difference counts."),
        ],
        passingExamples: [
            RuleExample("levels:\n  - code: M3\n    guidelines:\n      experience: At least 7 years in biomanufacturing, including 3 to 4 years leading supervisors.\n",
                        level: "M3", note: "Open-ended total overlapping 8–12; the later range is a sub-span."),
        ],
        failingExamples: [
            RuleExample("levels:\n  - code: M3\n    guidelines:\n      experience: Usually 15 to 20 years in biomanufacturing, including 10 years managing managers.\n",
                        level: "M3", note: "15–20 years against the level's 8–12."),
        ]
    )

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        let level = subject.level
        guard let years = level.level.years, let cell = level.guideline("experience") else {
            return RuleOutcome(checksRun: 0)
        }
        let tolerance = subject.parameters.integer("tolerance_years")
        let stated = NumberExtraction.experienceRanges(in: cell.tokens, of: cell.text)
        var findings: [Finding] = []
        for (index, range) in stated.enumerated() {
            let phrase = String(cell.text[range.range])
            // Any stated minimum beyond the level's maximum contradicts it, total or sub-span.
            if range.years.lowerBound > years.max + tolerance {
                findings.append(finding(subject, cell, phrase, years, "asks for at least \(range.years.lowerBound) years"))
            } else if index == 0, !range.isOpenEnded, range.years.upperBound < years.min - tolerance {
                // Only the first range is read as the total; a closed total ending below the minimum contradicts it.
                findings.append(finding(subject, cell, phrase, years, "tops out at \(range.years.upperBound) years"))
            }
        }
        return RuleOutcome(findings: findings, checksRun: max(1, stated.count))
    }

    private func finding(
        _ subject: ReviewSubject, _ cell: AnalyzedText, _ phrase: String, _ years: ExperienceYears, _ problem: String
    ) -> Finding {
        subject.finding(
            "\(subject.level.level.code.value) experience text \(problem) (\"\(phrase)\") but the level states "
                + "\(years.min)–\(years.max) years",
            about: cell, evidence: cell.text,
            suggestion: "State the same total experience as years (\(years.min)–\(years.max)), or correct years."
        )
    }
}
