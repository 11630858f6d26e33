import ProfileModel

/// Pay figures outside what any real job pays in that currency and period, or a range so wide it
/// says nothing.
public struct PayImplausibleRule: ReviewRule {
    public init() {}

    public static let description = RuleDescription(
        id: "pay_implausible",
        name: "Plausible pay",
        dimension: .factualAccuracy,
        defaultSeverity: .major,
        summary: """
            Pay figures must lie within plausible bounds for their period (checked only for currencies where the \
            bounds make sense), and high ÷ low must not exceed the maximum spread.
            """,
        rationale: """
            An annual salary of 9,000 USD or an hourly rate of 2,500 is a unit or typing error (monthly figure, \
            missing zero, hourly entered as annual). A range whose high is more than three times its low is not a \
            market range for one level; it mixes levels, locations or currencies.
            """,
        parameters: [
            RuleParameter("annual_min", default: .number(15_000), "Lowest plausible annual figure."),
            RuleParameter("annual_max", default: .number(1_500_000), "Highest plausible annual figure."),
            RuleParameter("hourly_min", default: .number(7), "Lowest plausible hourly figure."),
            RuleParameter("hourly_max", default: .number(1_000), "Highest plausible hourly figure."),
            RuleParameter("currencies", default: .list(["USD", "EUR", "GBP", "CAD", "AUD", "CHF"]),
                          "Currencies the magnitude bounds are meant for; others skip the magnitude check."),
            RuleParameter("max_spread_ratio", default: .number(3.0), "Largest acceptable high ÷ low."),
        ],
        passingExamples: [
            RuleExample("levels:\n  - { code: M1, pay: { currency: USD, period: hourly, low: 36, median: 43, high: 54 } }\n",
                        level: "M1", note: "Hourly pay is judged against hourly bounds."),
            RuleExample("levels:\n  - { code: M1, pay: { currency: JPY, low: 6500000, median: 8000000, high: 9800000 } }\n",
                        level: "M1", note: "The bounds are not applied to currencies they were not set for."),
        ],
        failingExamples: [
            RuleExample("levels:\n  - { code: M1, pay: { currency: USD, low: 7400, median: 9000, high: 11200 } }\n",
                        level: "M1", note: "Annual figures a tenth of the market: a missing zero or monthly pay."),
            RuleExample("levels:\n  - { code: M1, pay: { currency: USD, low: 30000, median: 90000, high: 112000 } }\n",
                        level: "M1", note: "High is 3.7 times low: not one level's range."),
        ]
    )

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        guard let pay = subject.level.level.pay else { return RuleOutcome(checksRun: 0) }
        var findings: [Finding] = []
        var checks = 1
        if subject.parameters.list("currencies").contains(pay.currency) {
            checks += 1
            if let finding = magnitudeFinding(pay, subject) { findings.append(finding) }
        }
        if let finding = spreadFinding(pay, subject) { findings.append(finding) }
        return RuleOutcome(findings: findings, checksRun: checks)
    }

    private func magnitudeFinding(_ pay: PayRange, _ subject: ReviewSubject) -> Finding? {
        let annual = pay.period == .annual
        let minimum = subject.parameters.number(annual ? "annual_min" : "hourly_min")
        let maximum = subject.parameters.number(annual ? "annual_max" : "hourly_max")
        let figures = [("low", pay.low), ("median", pay.median), ("high", pay.high)]
        let outside = figures.filter { $0.1.value < minimum || $0.1.value > maximum }
        guard let first = outside.first else { return nil }
        let listed = outside.map { "\($0.0) \(RuleText.amount($0.1.value))" }.joined(separator: ", ")
        let period = annual ? "annual" : "hourly"
        return subject.finding(
            "\(subject.level.level.code.value) \(period) pay is implausible: \(listed) \(pay.currency) outside "
                + "\(RuleText.amount(minimum))–\(RuleText.amount(maximum))",
            at: first.1.location, pointer: subject.level.pointer.appending("pay", first.0),
            evidence: "\(pay.currency) \(period): " + figures.map { "\($0.0) \(RuleText.amount($0.1.value))" }
                .joined(separator: ", "),
            suggestion: "Check the unit and period: annual pay entered as monthly or hourly, or a missing digit."
        )
    }

    private func spreadFinding(_ pay: PayRange, _ subject: ReviewSubject) -> Finding? {
        let maximum = subject.parameters.number("max_spread_ratio")
        guard pay.low.value > 0, pay.high.value / pay.low.value > maximum else { return nil }
        let spread = pay.high.value / pay.low.value
        return subject.finding(
            "\(subject.level.level.code.value) pay spread is too wide: high ÷ low = \(RuleText.ratio(spread)) "
                + "> \(RuleText.ratio(maximum))",
            at: pay.location, pointer: subject.level.pointer.appending("pay"),
            evidence: "\(pay.currency) low \(RuleText.amount(pay.low.value)), high \(RuleText.amount(pay.high.value))",
            suggestion: "Use one market and one level: a typical range spans roughly 1.3–2 times from low to high."
        )
    }
}
