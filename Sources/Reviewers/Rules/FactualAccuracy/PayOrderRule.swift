import ProfileModel

/// Pay low ≤ median ≤ high: a range that contradicts itself cannot be published.
public struct PayOrderRule: ReviewRule {
    public init() {}

    public static let description = RuleDescription(
        id: "pay_order",
        name: "Pay range in order",
        dimension: .factualAccuracy,
        defaultSeverity: .blocker,
        summary: "The level's pay must satisfy low ≤ median ≤ high.",
        rationale: """
            A median above the high end (or a low above the median) is data that contradicts itself: at least one \
            number is wrong, and nobody can tell which. A compensation analyst would not publish it.
            """,
        passingExamples: [
            RuleExample("levels:\n  - { code: M3, pay: { currency: USD, low: 92000, median: 92000, high: 149000 } }\n",
                        level: "M3", note: "A median equal to the low end is still ordered."),
        ],
        failingExamples: [
            RuleExample("levels:\n  - { code: M3, pay: { currency: USD, low: 92000, median: 160000, high: 149000 } }\n",
                        level: "M3", note: "The median is above the high end."),
        ]
    )

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        guard let pay = subject.level.level.pay else { return RuleOutcome(checksRun: 0) }
        let low = pay.low.value, median = pay.median.value, high = pay.high.value
        guard !(low <= median && median <= high) else { return RuleOutcome(checksRun: 1) }
        var problems: [String] = []
        if low > median { problems.append("low is above the median") }
        if median > high { problems.append("the median is above high") }
        if low > high { problems.append("low is above high") }
        let evidence = "\(pay.currency) low \(RuleText.amount(low)), median \(RuleText.amount(median)), "
            + "high \(RuleText.amount(high))"
        let finding = subject.finding(
            "\(subject.level.level.code.value) pay range is out of order: \(problems.joined(separator: ", "))",
            at: pay.location, pointer: subject.level.pointer.appending("pay"), evidence: evidence,
            suggestion: "Recheck the survey figures; low, median and high must satisfy low ≤ median ≤ high."
        )
        return RuleOutcome(findings: [finding], checksRun: 1)
    }
}
