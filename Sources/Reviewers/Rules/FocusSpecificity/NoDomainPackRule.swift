import LocatedDocument
import ProfileModel

/// Says when the reviewers had no domain knowledge to check the profile against.
public struct NoDomainPackRule: ProfileWideRule {
    public init() {}

    public static let description = RuleDescription(
        id: "no_domain_pack",
        name: "No domain pack",
        dimension: .focusSpecificity,
        defaultSeverity: .info,
        summary: """
            Info when the profile names no domain (the domain checks fall back to the profile's own vocabulary); \
            minor when it names a domain the rubric has no pack for, which is usually a typo.
            """,
        rationale: """
            Without a domain pack the panel cannot check vocabulary, sibling bleed or named equipment against \
            expert knowledge; the report must say so rather than look like a clean bill of health.
            """,
        passingExamples: [RuleExample("", note: "domain: biomanufacturing has a pack.")],
        failingExamples: [RuleExample("domain: biomanufactoring", note: "A misspelt domain.")]
    )

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        let node = subject.profile.document["domain"]
        let pointer = JSONPointer.root.appending("domain")
        guard let domain = subject.profile.domain?.value else {
            return RuleOutcome(findings: [subject.finding(
                "The profile names no domain, so vocabulary and sibling checks use only the profile's own words",
                at: subject.profile.document.location, pointer: JSONPointer.root, evidence: "domain: (none)",
                severity: .info, suggestion: "Name the domain pack in Rubrics/domains/ that applies.")], checksRun: 1)
        }
        guard subject.analysis.domain == nil else { return RuleOutcome(checksRun: 1) }
        let known = subject.knowledge.domains.keys.sorted().joined(separator: ", ")
        return RuleOutcome(findings: [subject.finding(
            "The rubric has no domain pack \"\(domain)\" (known: \(known))",
            at: node?.location ?? subject.profile.document.location, pointer: pointer, evidence: "domain: \(domain)",
            severity: .minor, suggestion: "Use one of: \(known), or add the pack to Rubrics/domains/.")], checksRun: 1)
    }
}
