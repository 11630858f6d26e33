import ProfileModel

/// Every content layer the profile uses must be backed by a source.
public struct UnsourcedLayerRule: ProfileWideRule {
    public init() {}

    public static let description = RuleDescription(
        id: "unsourced_layer",
        name: "Every layer is sourced",
        dimension: .factualAccuracy,
        defaultSeverity: .blocker,
        summary: """
            Each content layer the profile uses (summary, responsibilities, guidelines, skills, pay, \
            classifications) must be listed in some source's `supports`. Profile-wide, reported on every level.
            """,
        rationale: """
            Content nobody can trace is opinion. A panel cannot verify pay, classifications or duties that cite \
            nothing, so an unsourced layer blocks approval — the same test the approval gate applies.
            """,
        passingExamples: [
            RuleExample(ExampleSources.yaml(), note: "Four sources that together back every layer."),
        ],
        failingExamples: [
            RuleExample("""
                sources:
                  - { id: s1, title: 'O*NET OnLine summary: 51-1011.00', publisher: O*NET, url: 'https://www.onetonline.org/link/summary/51-1011.00', retrieved: 2026-11-20, supports: [summary, classifications] }
                  - { id: s2, title: 'O*NET OnLine summary: 11-3051.00', publisher: O*NET, url: 'https://www.onetonline.org/link/summary/11-3051.00', retrieved: 2026-11-20, supports: [classifications] }

                """, note: "Responsibilities, guidelines, skills and pay cite nothing."),
        ]
    )

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        let profile = subject.profile
        let findings = ProvenanceCheck.unsourcedLayers(profile).map { layer in
            let (location, pointer) = ProvenanceCheck.location(of: layer, in: profile)
            let cited = profile.sources.map(\.id.value).joined(separator: ", ")
            return subject.finding(
                "The \(layer.rawValue) layer is used but no source supports it",
                at: location, pointer: pointer,
                evidence: "sources: [\(cited.isEmpty ? "none" : cited)]; none lists \(layer.rawValue) in supports",
                suggestion: "Add the source the \(layer.rawValue) came from, with \(layer.rawValue) in its supports.")
        }
        return RuleOutcome(findings: findings, checksRun: ProvenanceCheck.usedLayers(profile).count)
    }
}
