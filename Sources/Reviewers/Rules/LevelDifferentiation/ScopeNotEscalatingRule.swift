import ProfileModel

/// Each level's scope must reach at least as high as the level below it.
public struct ScopeNotEscalatingRule: ReviewRule {
    public init() {}

    public static let description = RuleDescription(
        id: "scope_not_escalating",
        name: "Scope does not escalate",
        dimension: .levelDifferentiation,
        defaultSeverity: .major,
        summary: """
            Across all of a level's text, the highest catalogue scope term must rank at least as high as the \
            previous level's (major when lower; the previous level's terms count up to its own rank), and a level above the lowest should use at least one scope term \
            of its own or a higher level (minor when it uses none).
            """,
        rationale: """
            Levels differ above all in scope: one shift, several shifts, a department. A ladder whose scope stops \
            growing, or shrinks, has levels that are titles rather than jobs.
            """,
        passingExamples: [RuleExample("", level: "M3", note: "M1 single shift → M2 multiple shifts → M3 department.")],
        failingExamples: [
            RuleExample(ScopeNotEscalatingRule.narrowM2, level: "M2", note: "M2 shows only M1 scope."),
        ]
    )

    static let narrowM2 = """
        levels:
          - code: M2
            responsibilities:
              - Leads the associates of a single shift, setting one handover standard for bioreactor status and open deviations.
              - Authors and approves upstream deviations, CAPAs and change controls within delegated limits with QA.
              - Trends viable cell concentration, viability, pH and titre across batches in JMP control charts.
              - Reviews SOP and master batch record revisions, and supports IQ/OQ of new DynaDrive S.U.B. units.
            guidelines:
              collaboration: Works with Maintenance, Microbiology and QA and mentors newer supervisors on the own shift.
        """

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        guard let track = subject.analysis.track, let rank = subject.level.rank else { return RuleOutcome(checksRun: 0) }
        let index = subject.knowledge.scopeTermIndex(for: track)
        let texts = subject.level.allTexts
        let own = highest(index, in: texts)
        guard let previous = subject.previousLevel else { return RuleOutcome(checksRun: texts.count) }
        let code = subject.level.level.code.value
        let location = subject.level.level.location
        let pointer = subject.level.pointer
        let suggestion = "Show \(code)'s scope in its bullets, e.g. \(track.levels[rank].scopeTerms.prefix(3).map { "\"\($0)\"" }.joined(separator: ", "))."
        let checks = texts.count + previous.allTexts.count
        // The previous level's scope is capped at its own rank: a term above it ("program" in a P1
        // bullet about a graduate program) is incidental, not scope the next level has to exceed.
        if let before = highest(index, in: previous.allTexts, upTo: previous.rank ?? rank), (own?.rank ?? -1) < before.rank {
            let ownText = own.map { "\"\($0.term)\" (\(index.code(ofRank: $0.rank)))" } ?? "no scope term"
            return RuleOutcome(findings: [subject.finding(
                "\(code)'s widest scope is \(ownText), narrower than \(previous.level.code.value)'s \"\(before.term)\" (\(index.code(ofRank: before.rank)))",
                at: location, pointer: pointer, evidence: own?.evidence ?? texts.first?.text ?? code, severity: .major,
                suggestion: suggestion)], checksRun: checks)
        }
        if rank > 0, (own?.rank ?? -1) < rank {
            let ownText = own.map { "only \"\($0.term)\" (\(index.code(ofRank: $0.rank)))" } ?? "no catalogue scope term"
            return RuleOutcome(findings: [subject.finding(
                "\(code) uses \(ownText); none of the scope terms of \(code) or above",
                at: location, pointer: pointer, evidence: own?.evidence ?? texts.first?.text ?? code, severity: .minor,
                suggestion: suggestion)], checksRun: checks)
        }
        return RuleOutcome(checksRun: checks)
    }

    private func highest(
        _ index: ScopeTermIndex, in texts: [AnalyzedText], upTo cap: Int = .max
    ) -> (term: String, rank: Int, evidence: String)? {
        var best: (term: String, rank: Int, evidence: String)?
        for text in texts {
            for hit in index.hits(in: text.tokens) where hit.rank > (best?.rank ?? -1) && hit.rank <= cap {
                best = (hit.term, hit.rank, text.text)
            }
        }
        return best
    }
}
