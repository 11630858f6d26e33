import ProfileModel

/// Decision rights must grow with the level.
public struct DecisionRightsNotRisingRule: ReviewRule {
    public init() {}

    public static let description = RuleDescription(
        id: "decision_rights_not_rising",
        name: "Decision rights do not rise",
        dimension: .levelDifferentiation,
        defaultSeverity: .minor,
        summary: """
            Reads the decision verbs that lead the clauses of a level's bullets and ranks them with the \
            decision-verbs lexicon (executes → supervises → approves → owns → sets direction). Minor when the \
            level's highest rank is below the previous level's, or equal while the mean of its bullets' \
            highest ranks does not rise either, where the catalogue's own verbs for the two levels step up; major when a level at or above `executes_only_from_rank` only executes.
            """,
        rationale: """
            Higher levels are paid to decide: approve, own, allocate, set direction. A senior level whose bullets \
            only "perform" and "support" is a senior title on junior work.
            """,
        parameters: [
            RuleParameter("executes_only_from_rank", default: .number(2),
                          "Track rank (0 = lowest) from which a level whose verbs are all executes-rank is a major finding."),
        ],
        passingExamples: [RuleExample("", level: "M3", note: "M3 owns, decides and hires; M2 approves.")],
        failingExamples: [
            RuleExample("""
                levels:
                  - code: M3
                    responsibilities:
                      - Performs upstream department production tasks for the operating plan, headcount and area budget.
                      - Supports supervisors for multiple teams with training curricula when new processes move into production.
                      - Assists technology transfer from Process Development and validation campaigns and PPQ batches.
                      - Prepares statistical trends of process data on throughput, quality and capacity for the department.
                """, level: "M3", note: "M3 bullets that only execute."),
        ]
    )

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        let lexicon = subject.knowledge.lexicons.decisionVerbs
        let level = subject.level
        // Each bullet's strongest clause-leading verb, read once and used for the maximum and the mean.
        // The next level's review reads this level again as its previous one: the readings are kept.
        let ownReadings = readings(of: level, at: subject.levelIndex, subject, lexicon)
        let own = highest(ownReadings, level.bullets)
        let code = level.level.code.value
        let location = level.level.location
        let pointer = level.pointer.appending("responsibilities")
        let evidence = own.map { "\($0.phrase) (\($0.name)): \($0.text)" } ?? level.bullets.map(\.text).joined(separator: "\n")
        let ownRank = own?.rank ?? 0
        let lowestRank = lexicon.ranks.first?.rank ?? 1
        if let rank = level.rank, rank >= subject.parameters.integer("executes_only_from_rank"), ownRank <= lowestRank {
            return RuleOutcome(findings: [subject.finding(
                "\(code)'s bullets only execute (highest decision verb: \(own.map { "\"\($0.phrase)\"" } ?? "none"))",
                at: location, pointer: pointer, evidence: evidence, severity: .major,
                suggestion: "State what \(code) decides: \(level.catalogueLevel?.decisionVerbs.prefix(4).joined(separator: ", ") ?? "owns, decides, approves").")],
                checksRun: level.bullets.count)
        }
        guard let previous = subject.previousLevel else { return RuleOutcome(checksRun: level.bullets.count) }
        let previousReadings = readings(of: previous, at: subject.levelIndex - 1, subject, lexicon)
        let before = highest(previousReadings, previous.bullets)
        let beforeRank = before?.rank ?? 0
        let expectsStep = expectsStepUp(subject.knowledge, level.catalogueLevel, previous.catalogueLevel)
        let checks = level.bullets.count + previous.bullets.count
        // A tie at the top is common (both levels "set" something); it only counts when the level's
        // bullets on average decide no more than the previous level's.
        let flat = ownRank == beforeRank && expectsStep && meanRank(ownReadings) <= meanRank(previousReadings)
        guard ownRank < beforeRank || flat else { return RuleOutcome(checksRun: checks) }
        let previousCode = previous.level.code.value
        let describe: ((rank: Int, name: String, phrase: String, text: String)?) -> String = { found in
            found.map { "\"\($0.phrase)\" (\($0.name))" } ?? "none"
        }
        return RuleOutcome(findings: [subject.finding(
            "\(code)'s strongest decision verb is \(describe(own)), \(ownRank < beforeRank ? "below" : "no higher than") \(previousCode)'s \(describe(before))",
            at: location, pointer: pointer, evidence: evidence,
            suggestion: "Lead \(code)'s bullets with the decisions the level takes, e.g. \(level.catalogueLevel?.decisionVerbs.prefix(4).joined(separator: ", ") ?? "approves, owns, decides").")],
            checksRun: checks)
    }

    private func readings(
        of level: LevelAnalysis, at index: Int, _ subject: ReviewSubject, _ lexicon: RankedLexicon
    ) -> [(rank: RankedLexicon.Rank, phrase: String)?] {
        subject.memo.value(rule: Self.description.id, level: index) { level.bullets.map { lexicon.highestClauseRank(in: $0) } }
    }

    private func highest(
        _ readings: [(rank: RankedLexicon.Rank, phrase: String)?], _ bullets: [AnalyzedText]
    ) -> (rank: Int, name: String, phrase: String, text: String)? {
        var best: (rank: Int, name: String, phrase: String, text: String)?
        for (found, bullet) in zip(readings, bullets) {
            if let found, found.rank.rank > (best?.rank ?? Int.min) {
                best = (found.rank.rank, found.rank.name, found.phrase, bullet.text)
            }
        }
        return best
    }

    /// Mean over bullets of each bullet's highest clause-leading rank (0 when it has none).
    private func meanRank(_ readings: [(rank: RankedLexicon.Rank, phrase: String)?]) -> Double {
        guard !readings.isEmpty else { return 0 }
        let total = readings.reduce(0) { $0 + ($1?.rank.rank ?? 0) }
        return Double(total) / Double(readings.count)
    }

    /// True when the catalogue's own verbs for the two levels rank higher at this level.
    private func expectsStepUp(_ knowledge: ReviewKnowledge, _ level: CatalogueLevel?, _ previous: CatalogueLevel?) -> Bool {
        guard let level, let previous,
              let own = knowledge.highestDecisionRank(ofVerbs: level.decisionVerbs),
              let before = knowledge.highestDecisionRank(ofVerbs: previous.decisionVerbs) else { return false }
        return own > before
    }
}
