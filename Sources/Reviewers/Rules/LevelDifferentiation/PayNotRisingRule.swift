import ProfileModel

/// Market pay must rise with the level.
public struct PayNotRisingRule: ReviewRule {
    public init() {}

    public static let description = RuleDescription(
        id: "pay_not_rising",
        name: "Pay median does not rise",
        dimension: .levelDifferentiation,
        defaultSeverity: .major,
        summary: """
            A level's pay median must be higher than the previous level's (same currency and period); levels \
            without pay are skipped.
            """,
        rationale: """
            A higher level that the market pays the same or less is either not a higher level or carries a wrong \
            figure; either way the ladder is not credible to the people on it.
            """,
        passingExamples: [RuleExample("", level: "M3", note: "Medians 90,000 → 103,000 → 117,000 USD.")],
        failingExamples: [
            RuleExample("""
                levels:
                  - { code: M3, pay: { currency: USD, low: 80000, median: 101000, high: 125000 } }
                """, level: "M3", note: "M3's median is below M2's."),
        ]
    )

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        guard let previous = subject.previousLevel else { return RuleOutcome(checksRun: 1) }
        guard let pay = subject.level.level.pay, let before = previous.level.pay,
              pay.currency == before.currency, pay.period == before.period
        else { return RuleOutcome(checksRun: 0) }
        guard pay.median.value <= before.median.value else { return RuleOutcome(checksRun: 1) }
        let code = subject.level.level.code.value
        let previousCode = previous.level.code.value
        let median = "\(pay.currency) \(Int(pay.median.value))"
        let previousMedian = "\(before.currency) \(Int(before.median.value))"
        let finding = subject.finding(
            "\(code)'s pay median \(median) is not above \(previousCode)'s \(previousMedian)",
            at: pay.median.location, pointer: subject.level.pointer.appending("pay", "median"),
            evidence: "\(previousCode) median \(previousMedian); \(code) median \(median)",
            suggestion: "Check both medians against the cited survey; a higher level should have the higher median.")
        return RuleOutcome(findings: [finding], checksRun: 1)
    }
}
