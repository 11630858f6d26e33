import ProfileModel

/// Duties of a sibling focus mixed into this one.
public struct SiblingBleedRule: ReviewRule {
    public init() {}

    public static let description = RuleDescription(
        id: "sibling_bleed",
        name: "Sibling focus duties",
        dimension: .focusSpecificity,
        defaultSeverity: .major,
        summary: """
            Terms the domain pack lists as exclusive to a sibling focus (every sibling other than the profile's own \
            focus when the pack lists it; otherwise the siblings named in `distinct_from`) in the level's bullets \
            or guideline cells: major per text; a blocker when `blocker_texts` or more texts, or `blocker_share` of \
            the bullets, bleed.
            """,
        rationale: """
            A profile that says it is distinct from a sibling and then lists the sibling's work blurs the boundary \
            the job architecture exists to draw: people get levelled and hired against the wrong job.
            """,
        parameters: [
            RuleParameter("blocker_texts", default: .number(2), "Bleeding texts in one level that make a blocker."),
            RuleParameter("blocker_share", default: .number(0.5), "Share of bleeding bullets that makes a blocker."),
        ],
        passingExamples: [RuleExample("", level: "M1", note: "Upstream work only; the summary's boundary is not checked.")],
        failingExamples: [
            RuleExample("""
                levels:
                  - code: M1
                    guidelines:
                      knowledge: >-
                        Knows each upstream unit operation hands-on and the Protein A chromatography and viral filtration
                        steps that follow, and applies the SOPs and batch records that govern one shift.
                """, level: "M1", note: "One guideline cell with downstream terms: a major."),
            RuleExample("""
                levels:
                  - code: M2
                    responsibilities:
                      - Leads shift leads and senior associates on all shifts of the upstream suite with one handover standard.
                      - Authors and approves upstream deviations, CAPAs and change controls within delegated limits.
                      - Supervises Protein A chromatography column packing and elution on every shift.
                      - Runs viral filtration with Planova filters and checks pre-use integrity results.
                """, level: "M2", note: "Two downstream bullets: a blocker."),
        ]
    )

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        guard let domain = subject.analysis.domain else { return RuleOutcome(checksRun: 0) }
        let siblings = relevantSiblings(domain, subject.profile)
        let texts = subject.level.allTexts
        guard !siblings.isEmpty else { return RuleOutcome(checksRun: texts.count) }
        var bleeding: [(text: AnalyzedText, focus: String, terms: [String])] = []
        for text in texts {
            for sibling in siblings {
                let terms = sibling.exclusiveTerms.matches(in: text.tokens).map { text.excerpt($0.tokenRange) }
                if !terms.isEmpty {
                    bleeding.append((text, sibling.focus, terms))
                    break
                }
            }
        }
        guard !bleeding.isEmpty else { return RuleOutcome(checksRun: texts.count * siblings.count) }
        let bulletPointers = Set(subject.level.bullets.map(\.pointer))
        let bulletShare = Double(bleeding.filter { bulletPointers.contains($0.text.pointer) }.count)
            / Double(max(subject.level.bullets.count, 1))
        let code = subject.level.level.code.value
        let isBlocker = bleeding.count >= subject.parameters.integer("blocker_texts")
            || bulletShare >= subject.parameters.number("blocker_share")
        let findings = bleeding.map { item in
            subject.finding(
                "\(code) text uses terms of the sibling focus \"\(item.focus)\": \(item.terms.map { "\"\($0)\"" }.joined(separator: ", "))",
                about: item.text, severity: isBlocker ? .blocker : .major,
                suggestion: "Keep \(item.focus) work out of this profile, or describe only the hand-off to it.")
        }
        // One blocker is enough to reject; the others stay major so the score is not counted twice.
        let graded = findings.enumerated().map { index, finding in
            var finding = finding
            if isBlocker && index > 0 { finding.severity = subject.severity(.major) }
            return finding
        }
        return RuleOutcome(findings: graded, checksRun: texts.count * siblings.count)
    }

    /// All other siblings when the pack knows this focus; otherwise only those the profile names as distinct.
    private func relevantSiblings(_ domain: DomainPack, _ profile: Profile) -> [DomainPack.Sibling] {
        let own = profile.focus.name.value.lowercased()
        if domain.sibling(named: profile.focus.name.value) != nil {
            return domain.siblings.filter { $0.focus.lowercased() != own }
        }
        return profile.distinctFrom.compactMap { domain.sibling(named: $0.value) }
    }
}
