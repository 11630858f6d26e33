import ProfileModel
import TextAnalysis

/// A named product attributed to the wrong vendor ("Sartorius HyPerforma S.U.B.").
public struct EntityMisattributionRule: ReviewRule {
    public init() {}

    public static let description = RuleDescription(
        id: "entity_misattribution",
        name: "Products named with their own vendor",
        dimension: .factualAccuracy,
        defaultSeverity: .major,
        summary: """
            In the level's bullets and guidelines and the profile's skills, a domain-pack product whose nearest \
            vendor name (within `window_tokens`, no other product in between) is a different known vendor.
            """,
        rationale: """
            "Sartorius HyPerforma S.U.B." or "Cytiva Biostat STR" tells an expert the author does not know the \
            equipment: HyPerforma is Thermo Fisher's, Biostat is Sartorius's. Invented attributions are the \
            typical fabrication of generated text and discredit the rest of the profile.
            """,
        parameters: [
            RuleParameter("window_tokens", default: .number(4),
                          "Most words between a product and a vendor name for the vendor to be read as its maker."),
        ],
        passingExamples: [
            RuleExample("levels:\n  - code: M1\n    guidelines:\n      knowledge: Runs Thermo Fisher HyPerforma S.U.B. and Sartorius Biostat STR bioreactors and follows 21 CFR 211 on one shift.\n",
                        level: "M1", note: "Each product sits next to its own vendor."),
        ],
        failingExamples: [
            RuleExample("levels:\n  - code: M1\n    guidelines:\n      knowledge: Runs Sartorius HyPerforma S.U.B. bioreactors and follows 21 CFR 211 on one shift.\n",
                        level: "M1", note: "HyPerforma S.U.B. is a Thermo Fisher Scientific product."),
            RuleExample("levels:\n  - code: M1\n    guidelines:\n      knowledge: Runs Biostat STR (Cytiva) bioreactors and follows 21 CFR 211 on one shift.\n",
                        level: "M1", note: "Biostat STR is a Sartorius product."),
        ]
    )

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        guard let pack = subject.analysis.domain, !pack.entities.isEmpty else { return RuleOutcome(checksRun: 0) }
        let window = subject.parameters.integer("window_tokens")
        let levelTexts = subject.level.allTexts
        let skillTexts = subject.analysis.skills.flatMap { [$0.name, $0.description] }
        // The skills are the profile's: what they misattribute is read on the first level checked
        // and reported on every level, as before.
        let skillProblems = subject.memo.value(rule: Self.description.id, level: -1) {
            skillTexts.map { misattributions(in: $0, pack: pack, window: window) }
        }
        let texts = levelTexts + skillTexts
        var findings: [Finding] = []
        for (index, text) in texts.enumerated() {
            let problems = index < levelTexts.count ? misattributions(in: text, pack: pack, window: window) : skillProblems[index - levelTexts.count]
            for problem in problems {
                let entity = pack.entities[problem.entity]
                let vendor = pack.vendors[problem.vendor]
                findings.append(subject.finding(
                    "\"\(text.excerpt(problem.span))\": \(entity.name) is a \(entity.vendor) product, not \(vendor.name)",
                    about: text, evidence: text.text,
                    suggestion: "Name \(entity.name) with \(entity.vendor), or name the \(vendor.name) product meant."))
            }
        }
        return RuleOutcome(findings: findings, checksRun: texts.count)
    }

    struct Misattribution {
        var entity: Int
        var vendor: Int
        var span: Range<Int>
    }

    /// For each product mention, the nearest vendor mention within the window with no other product in
    /// between; a mismatch when that vendor is a known vendor other than the product's own.
    func misattributions(in text: AnalyzedText, pack: DomainPack, window: Int) -> [Misattribution] {
        let entities = pack.entityPhrases.matches(in: text.tokens)
        guard !entities.isEmpty else { return [] }
        let vendors = pack.vendorPhrases.matches(in: text.tokens).filter { vendor in
            !entities.contains { $0.tokenRange.overlaps(vendor.tokenRange) }
        }
        var result: [Misattribution] = []
        for (position, entityMatch) in entities.enumerated() {
            let entity = pack.entityForPhrase[entityMatch.phraseIndex]
            let range = entityMatch.tokenRange
            let candidates = vendors.compactMap { vendor -> (gap: Int, vendor: Int, range: Range<Int>)? in
                let gap = vendor.tokenRange.lowerBound >= range.upperBound
                    ? vendor.tokenRange.lowerBound - range.upperBound : range.lowerBound - vendor.tokenRange.upperBound
                guard gap >= 0, gap <= window, !hasEntity(between: range, and: vendor.tokenRange, entities, except: position)
                else { return nil }
                return (gap, pack.vendorForPhrase[vendor.phraseIndex], vendor.tokenRange)
            }
            guard let nearest = candidates.map(\.gap).min() else { continue }
            let closest = candidates.filter { $0.gap == nearest }
            let own = pack.entities[entity].vendor.lowercased()
            // A tie with the product's own vendor is read in the product's favour.
            guard !closest.contains(where: { isVendor($0.vendor, named: own, pack) }), let wrong = closest.first else { continue }
            let span = min(range.lowerBound, wrong.range.lowerBound)..<max(range.upperBound, wrong.range.upperBound)
            result.append(Misattribution(entity: entity, vendor: wrong.vendor, span: span))
        }
        return result
    }

    private func isVendor(_ index: Int, named name: String, _ pack: DomainPack) -> Bool {
        let vendor = pack.vendors[index]
        return ([vendor.name] + vendor.aliases).contains { $0.lowercased() == name }
    }

    private func hasEntity(
        between a: Range<Int>, and b: Range<Int>, _ entities: [PhraseMatch], except position: Int
    ) -> Bool {
        let gap = min(a.upperBound, b.upperBound)..<max(a.lowerBound, b.lowerBound)
        return entities.enumerated().contains { index, match in
            index != position && match.tokenRange.lowerBound >= gap.lowerBound && match.tokenRange.upperBound <= gap.upperBound
        }
    }
}
