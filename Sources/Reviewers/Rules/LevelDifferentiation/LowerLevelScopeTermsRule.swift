import ProfileModel

/// A higher level must not describe its scope in a lower level's words.
public struct LowerLevelScopeTermsRule: ReviewRule {
    public init() {}

    public static let description = RuleDescription(
        id: "lower_level_scope_terms",
        name: "Scope of a lower level",
        dimension: .levelDifferentiation,
        defaultSeverity: .major,
        summary: """
            A bullet or guideline cell that uses the catalogue's scope terms of a lower level on the track \
            ("single shift" at M3) and none of its own or a higher level's terms in the same text.
            """,
        rationale: """
            Scope is what separates levels; a senior manager who "oversees a single shift" is described as a \
            first-line supervisor, whatever the title says.
            """,
        passingExamples: [RuleExample("", level: "M3", note: "M3 talks about the department and multiple teams.")],
        failingExamples: [
            RuleExample("""
                levels:
                  - code: M3
                    guidelines:
                      collaboration: >-
                        Talks every day with associates on a single shift and with QA on the floor to hand out work and
                        clear documentation.
                """, level: "M3", note: "An M3 cell scoped to a single shift."),
        ]
    )

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        guard let track = subject.analysis.track, let rank = subject.level.rank else { return RuleOutcome(checksRun: 0) }
        let index = subject.knowledge.scopeTermIndex(for: track)
        let code = subject.level.level.code.value
        var findings: [Finding] = []
        let texts = subject.level.allTexts
        for text in texts {
            let hits = index.hits(in: text.tokens)
            let lower = hits.filter { $0.rank < rank }
            guard let first = lower.first, !hits.contains(where: { $0.rank >= rank }) else { continue }
            let terms = lower.map { "\"\($0.term)\" (\(index.code(ofRank: $0.rank)))" }.joined(separator: ", ")
            findings.append(subject.finding(
                "This \(code) text is scoped with lower-level terms \(terms) and no \(code)-level scope",
                about: text, evidence: text.excerpt(first.tokenRange),
                suggestion: "Describe the scope \(code) actually holds, e.g. \(scopeExample(track.levels[rank]))."))
        }
        return RuleOutcome(findings: findings, checksRun: texts.count)
    }

    private func scopeExample(_ level: CatalogueLevel) -> String {
        level.scopeTerms.prefix(3).map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
