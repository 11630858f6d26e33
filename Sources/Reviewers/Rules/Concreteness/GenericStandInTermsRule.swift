import ProfileModel
import TextAnalysis

/// "Equipment", "system", "software" standing in for the names a real profile would give.
public struct GenericStandInTermsRule: ReviewRule {
    public init() {}

    public static let description = RuleDescription(
        id: "generic_stand_in_terms",
        name: "Generic stand-ins for named things",
        dimension: .concreteness,
        defaultSeverity: .minor,
        summary: """
            A bullet that says "equipment", "system", "software", "tools" or a similar stand-in without naming \
            the thing (no entity or product name within `name_window` words, and not a concept such as \
            "equipment readiness"). Minor for one such bullet, major each from `major_bullets`, and a blocker when \
            `blocker_bullets` or more stand-in bullets come with no named thing anywhere in the level's bullets.
            """,
        rationale: """
            Experts recognise a job by its tools: "operates equipment" fits every plant, "runs HyPerforma S.U.B. \
            bioreactors" fits one. A level that replaced every name with "equipment" has lost its anchor.
            """,
        parameters: [
            RuleParameter("stand_in_terms", default: .list(["equipment", "machinery", "machine", "tool", "instrument",
                                                            "instrumentation", "device", "apparatus", "software",
                                                            "system", "platform", "application"]),
                          "Nouns that stand in for a named thing; those in the focus name are ignored."),
            RuleParameter("concept_heads", default: .list(["readiness", "qualification", "validation", "maintenance",
                                                           "reliability", "availability", "downtime", "failure",
                                                           "design", "owner", "access", "integrity", "upgrade", "change",
                                                           "status", "issue", "problem"]),
                          "Words up to three after a stand-in that make it a concept (\"equipment readiness\"), not a thing."),
            RuleParameter("name_window", default: .number(8), "Words either side of a stand-in in which a name excuses it."),
            RuleParameter("major_bullets", default: .number(2), "Stand-in bullets in a level from which each is major."),
            RuleParameter("blocker_bullets", default: .number(2),
                          "Stand-in bullets, with no named thing in any bullet of the level, that make a blocker."),
        ],
        passingExamples: [RuleExample("", level: "M2", note: "\"new equipment such as DynaDrive S.U.B. units\" names it.")],
        failingExamples: [
            RuleExample("""
                levels:
                  - code: M1
                    responsibilities:
                      - Runs a single upstream shift from vial thaw and seed-train passages through N-1 and production bioreactors to harvest transfer, keeping equipment runs on the posted schedule.
                      - Assigns each associate on the shift to media preparation, bioreactor set-up, sampling or inoculation tasks, and checks training against the SOP revision in force.
                      - Supervises gowning, biosafety-cabinet manipulations and cleanroom cleaning in the team's own area, correcting documentation errors in batch records.
                      - Checks pH, dissolved oxygen, viable cell concentration and viability results from the equipment at every sample point against batch-record limits.
                """, level: "M1", note: "Equipment names replaced by the word equipment in two bullets, none named: a blocker."),
        ]
    )

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        let anchors = ConcreteAnchors(subject)
        let parameters = subject.parameters
        let focusStems = subject.analysis.focusName.stemKeys
        // Stand-ins that are words of the focus name itself are no stand-ins there; the phrase set
        // of what remains is compiled once per distinct set of excluded terms.
        let termStems = parameters.prepared("stand_in_terms stems") { $0.list("stand_in_terms").map { Tokenizer.tokenize($0).map(\.stem) } }
        let excluded = termStems.indices.filter { termStems[$0].contains { focusStems.contains($0) } }
        let standIns = parameters.prepared("stand_in_terms without \(excluded)") { parameters in
            PhraseSet(parameters.list("stand_in_terms").enumerated().filter { !excluded.contains($0.offset) }.map(\.element))
        }
        let heads = parameters.prepared("concept_heads stems") { HashedTermSet(stems: $0.list("concept_heads").flatMap { Tokenizer.tokenize($0).map(\.stem) }) }
        let window = parameters.integer("name_window")
        let bullets = subject.level.bullets
        var flagged: [(AnalyzedText, String)] = []
        for bullet in bullets {
            if let standIn = unnamedStandIn(in: bullet, standIns, heads, window, anchors) { flagged.append((bullet, standIn)) }
        }
        guard !flagged.isEmpty else { return RuleOutcome(checksRun: bullets.count) }
        let code = subject.level.level.code.value
        // With a pack that lists products, "named" means a listed product: acronyms such as "QA" or
        // "IQ" look like names but do not stand for any piece of equipment.
        let namedBullets = bullets.filter { bullet in
            if let domain = anchors.domain, !domain.entities.isEmpty { return domain.entityPhrases.contains(in: bullet.tokens) }
            return anchors.namesSomething(bullet)
        }.count
        if flagged.count >= parameters.integer("blocker_bullets"), namedBullets == 0 {
            return RuleOutcome(findings: [subject.finding(
                "\(flagged.count) \(code) bullets use generic stand-ins (\(flagged.map { "\"\($0.1)\"" }.joined(separator: ", "))) and no \(code) bullet names any equipment, system or product",
                at: subject.level.level.location, pointer: subject.level.pointer.appending("responsibilities"),
                evidence: flagged.map(\.0.text).joined(separator: "\n"), severity: .blocker,
                suggestion: "Name the actual equipment, instruments and systems, e.g. the bioreactor platform or analyser model.")],
                checksRun: bullets.count)
        }
        let severity: Severity = flagged.count >= parameters.integer("major_bullets") ? .major : .minor
        let findings = flagged.map { bullet, standIn in
            subject.finding(
                "\"\(standIn)\" stands in for a name this bullet never gives", about: bullet, evidence: bullet.text,
                severity: severity, suggestion: "Name the \(standIn): maker and model, or the system's product name.")
        }
        return RuleOutcome(findings: findings, checksRun: bullets.count)
    }

    /// The first stand-in of `text` that is not excused: by a name within `window` words, by a concept
    /// word right after it ("equipment readiness", "equipment and document changes"), or by a domain
    /// or lexicon term that qualifies it ("freeze-thaw systems", "warehouse management system").
    private func unnamedStandIn(
        in text: AnalyzedText, _ standIns: PhraseSet, _ heads: HashedTermSet, _ window: Int, _ anchors: ConcreteAnchors
    ) -> String? {
        let matches = standIns.matches(in: text.tokens)
        guard !matches.isEmpty else { return nil }  // most bullets: skip the costlier anchor scans
        let named = anchors.namedTokenIndices(in: text)
        let qualified = anchors.termTokenIndices(in: text)
        let starts = ClauseStarts(text)
        for match in matches {
            let start = match.tokenRange.lowerBound
            let end = match.tokenRange.upperBound
            let following = text.tokens[end..<min(text.tokens.count, end + 3)]
            if following.contains(where: { heads.contains(stemOf: $0) }) { continue }
            if match.tokenRange.contains(where: qualified.contains) { continue }
            if start > 0, qualified.contains(start - 1), !starts.contains(start) { continue }
            let low = max(0, start - window)
            let high = min(text.tokens.count, end + window)
            if named.contains(where: { (low..<high).contains($0) }) { continue }
            return text.excerpt(match.tokenRange)
        }
        return nil
    }
}
