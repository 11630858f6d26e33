import LocatedDocument
import ProfileModel

/// Sources that back nothing the profile contains, or cite the same page twice.
public struct UnusedSourceRule: ProfileWideRule {
    public init() {}

    public static let description = RuleDescription(
        id: "unused_source",
        name: "Sources are used once",
        dimension: .factualAccuracy,
        defaultSeverity: .minor,
        summary: """
            A source supporting no layer the profile uses is recorded (info); two sources with the same URL \
            (scheme, `www.`, trailing slash and fragment ignored) are a minor finding. Profile-wide.
            """,
        rationale: """
            Padding the source list makes provenance look stronger than it is: the same page cited twice is one \
            source, and a source for a layer the profile does not have supports nothing.
            """,
        passingExamples: [
            RuleExample(ExampleSources.yaml(), note: "Every source backs a used layer, all URLs differ."),
        ],
        failingExamples: [
            RuleExample(ExampleSources.yaml(extra: """
                  - { id: s5, title: O*NET first-line supervisors, publisher: O*NET, url: 'http://www.onetonline.org/link/summary/51-1011.00/', retrieved: 2026-11-20, supports: [skills] }
                """), note: "s5 is the same page as s1."),
        ]
    )

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        let profile = subject.profile
        let used = Set(ProvenanceCheck.usedLayers(profile))
        var findings: [Finding] = []
        var firstByURL: [String: String] = [:]
        for (index, source) in profile.sources.enumerated() {
            let pointer = JSONPointer.root.appending("sources", index)
            if !source.supports.contains(where: { used.contains($0.value) }) {
                let layers = source.supports.map(\.value.rawValue).joined(separator: ", ")
                findings.append(subject.finding(
                    "Source \(source.id.value) supports only layers the profile does not use (\(layers))",
                    at: source.location, pointer: pointer, evidence: source.title.value, severity: .info))
            }
            let key = SourceURLKey.normalised(source.url.value)
            if let first = firstByURL[key] {
                findings.append(subject.finding(
                    "Source \(source.id.value) cites the same URL as \(first)",
                    at: source.url.location, pointer: pointer.appending("url"), evidence: source.url.value,
                    suggestion: "Merge \(source.id.value) into \(first) and list all layers it supports there."))
            } else {
                firstByURL[key] = source.id.value
            }
        }
        return RuleOutcome(findings: findings, checksRun: profile.sources.count)
    }
}
