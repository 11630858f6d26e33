import ProfileModel
import TextAnalysis

/// How much of the mapped O*NET occupations' definition the profile actually talks about.
public struct OnetCoverageRule: ProfileWideRule {
    public init() {}

    public static let description = RuleDescription(
        id: "onet_coverage",
        name: "Covers the mapped occupation",
        dimension: .realWorldCoverage,
        defaultSeverity: .minor,
        summary: """
            The share of content stems of the mapped O*NET occupations' descriptions (union over the profile's \
            known O*NET codes) that appear anywhere in the profile's text must reach `min_share`. Profile-wide.
            """,
        rationale: """
            The classification claims the job is that occupation. If the profile's text shares almost nothing with \
            the occupation's official definition, either the mapping is wrong or the profile leaves out the work \
            the occupation is defined by.
            """,
        parameters: [
            RuleParameter("min_share", default: .number(0.3),
                          "Lowest acceptable share of the occupation description's content stems found in the profile."),
            RuleParameter("ignored_words", default: .list([
                "excludes", "includes", "including", "may", "such", "other", "others", "related", "elsewhere",
                "classified", "variety", "various", "all",
            ]),
                          "Words of O*NET descriptions that say nothing about the work."),
        ],
        passingExamples: [
            RuleExample("classifications:\n  - { system: O*NET-SOC, code: 11-3051.00, source: s2 }\n",
                        note: "The profile covers Industrial Production Managers' definition."),
        ],
        failingExamples: [
            RuleExample("classifications:\n  - { system: O*NET-SOC, code: 53-3032.00, source: s1 }\n",
                        note: "A bioreactor supervision ladder mapped to Heavy and Tractor-Trailer Truck Drivers."),
        ]
    )

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        let mapped = RuleText.knownOccupations(of: subject.profile, in: subject.knowledge.occupations)
        let (location, pointer) = RuleText.node("classifications", in: subject.profile)
        guard !mapped.isEmpty else {
            let finding = subject.finding(
                "No O*NET-SOC occupation in the O*NET data is mapped: no occupation to compare against",
                at: location, pointer: pointer,
                evidence: subject.profile.classifications.map { "\($0.system) \($0.code.value)" }.joined(separator: "; ")
                    .ifEmpty("no classifications"),
                suggestion: "Map the profile to its O*NET-SOC occupation(s), e.g. 51-1011.00.")
            return RuleOutcome(findings: [finding], checksRun: 1)
        }
        let ignored = subject.parameters.prepared("ignored_words stem set") {
            HashedTermSet(stems: RuleText.stems(of: $0.list("ignored_words")))
        }
        let definition = HashedTermSet.union(mapped.map(\.1.descriptionStems)).subtracting(ignored)
        guard !definition.isEmpty else { return RuleOutcome(checksRun: 0) }
        let (found, notFound) = subject.analysis.contentStems.partition(definition)
        let share = Double(found.count) / Double(definition.count)
        let minimum = subject.parameters.number("min_share")
        let codes = mapped.map { "\($0.1.code) \($0.1.title)" }.joined(separator: "; ")
        let message = "The profile uses \(found.count) of \(definition.count) content words (\(RuleText.percent(share))) "
            + "of its O*NET occupation definitions (\(codes))"
        let missing = notFound.stems.sorted().joined(separator: ", ")
        guard share < minimum else {
            return RuleOutcome(findings: [subject.finding(message, at: location, pointer: pointer,
                                                          evidence: "not used: " + missing, severity: .info)],
                               checksRun: mapped.count)
        }
        let finding = subject.finding(
            message + "; minimum \(RuleText.percent(minimum))", at: location, pointer: pointer,
            evidence: "not used: " + missing,
            suggestion: "Check the mapping, or describe the work the occupation is defined by.")
        return RuleOutcome(findings: [finding], checksRun: mapped.count)
    }
}

extension String {
    func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
