import LocatedDocument
import ProfileModel

/// Source retrieval dates in the future or implausibly early.
public struct SourceDateInvalidRule: ProfileWideRule {
    public init() {}

    public static let description = RuleDescription(
        id: "source_date_invalid",
        name: "Source dates are real",
        dimension: .factualAccuracy,
        defaultSeverity: .major,
        summary: """
            Each source's `retrieved` date must be an ISO date no later than the review date and not before \
            `earliest_year`. Profile-wide, reported on every level.
            """,
        rationale: """
            A source read in the future was never read: the citation is invented. A retrieval date before the web \
            sources it cites existed is a typo at best, and undermines trust in the provenance.
            """,
        parameters: [
            RuleParameter("earliest_year", default: .number(1995), "Earliest plausible retrieval year."),
        ],
        passingExamples: [
            RuleExample(ExampleSources.yaml(retrieved: "2019-03-01"), note: "An older but plausible retrieval date."),
        ],
        failingExamples: [
            RuleExample(ExampleSources.yaml(retrieved: "2031-01-15"), note: "Retrieved after the review date."),
        ]
    )

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        let today = subject.knowledge.today
        let earliest = String(subject.parameters.integer("earliest_year"))
        var findings: [Finding] = []
        for (index, source) in subject.profile.sources.enumerated() {
            let date = source.retrieved.value
            let pointer = JSONPointer.root.appending("sources", index).appending("retrieved")
            let problem: (String, Severity)?
            if !Self.isISODate(date) {
                problem = ("is not an ISO date (YYYY-MM-DD)", .minor)
            } else if !today.isEmpty, date > today {
                problem = ("is after the review date \(today)", .major)
            } else if date < earliest {
                problem = ("is before \(earliest)", .minor)
            } else {
                problem = nil
            }
            guard let (text, severity) = problem else { continue }
            findings.append(subject.finding(
                "Source \(source.id.value) retrieved \(date) \(text)",
                at: source.retrieved.location, pointer: pointer, evidence: "\(source.title.value) — retrieved \(date)",
                severity: severity, suggestion: "Record the date the source was actually read, as YYYY-MM-DD."))
        }
        return RuleOutcome(findings: findings, checksRun: subject.profile.sources.count)
    }

    /// YYYY-MM-DD with a month 01–12 and a day 01–31; ISO strings then compare correctly as text.
    static func isISODate(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 10, scalars[4] == "-", scalars[7] == "-" else { return false }
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
        guard digits.allSatisfy({ ("0"..."9").contains(scalars[$0]) }) else { return false }
        guard let month = Int(String(text.dropFirst(5).prefix(2))), let day = Int(String(text.suffix(2))) else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
