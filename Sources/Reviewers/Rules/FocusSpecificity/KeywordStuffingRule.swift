import ProfileModel

/// Bullets that are lists of keywords rather than duties.
public struct KeywordStuffingRule: ReviewRule {
    public init() {}

    public static let description = RuleDescription(
        id: "keyword_stuffing",
        name: "Keyword stuffing",
        dimension: .focusSpecificity,
        defaultSeverity: .minor,
        summary: """
            A bullet that is a bare list of terms — its longest run of comma-separated items of at most \
            `max_item_words` words covers `list_share` of its words with no action verb after the first word, or \
            the run has `max_list_items` items — or that repeats one content word `max_repeats` times. Minor for \
            one signal, major for both.
            """,
        rationale: """
            Keyword lists are written for search engines, not for people: they name every tool of the focus and \
            say nothing about what the person does with any of them.
            """,
        parameters: [
            RuleParameter("max_item_words", default: .number(4), "Longest comma-separated item counted as a list item."),
            RuleParameter("list_share", default: .number(0.6), "Share of the bullet's words inside the list that makes it a bare list."),
            RuleParameter("max_list_items", default: .number(8), "List items that make a bullet a keyword list regardless of verbs."),
            RuleParameter("max_repeats", default: .number(5), "Times one content word may appear before it is stuffing."),
        ],
        passingExamples: [RuleExample("", level: "M2", note: "Lists inside sentences with verbs.")],
        failingExamples: [
            RuleExample("""
                levels:
                  - code: M1
                    responsibilities:
                      - Runs a single upstream shift from vial thaw and seed-train passages through N-1 and production bioreactors to harvest transfer.
                      - Assigns each associate on the shift to media preparation, bioreactor set-up, sampling or inoculation tasks.
                      - Checks pH, dissolved oxygen and viability results from the Vi-CELL at every sample point.
                      - Bioreactors, HyPerforma S.U.B., Biostat STR, WAVE, Vi-CELL, Cedex Bio, GMP, SOPs, batch records, deviations, CAPA.
                """, level: "M1", note: "A keyword list."),
        ]
    )

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        let verbs = subject.knowledge.lexicons.actionVerbs.singleWordStems
        let parameters = subject.parameters
        let bullets = subject.level.bullets
        var findings: [Finding] = []
        for bullet in bullets where !bullet.tokens.isEmpty {
            let run = longestListRun(bullet, maxItemWords: parameters.integer("max_item_words"))
            let share = Double(run.tokens) / Double(bullet.tokens.count)
            // Gerunds ("sampling") and compound parts ("set-up") are nouns in a keyword list.
            let hasVerb = bullet.tokens.indices.dropFirst().contains { index in
                let token = bullet.tokens[index]
                return verbs.contains(stemOf: token) && !token.normalized.hasSuffix("ing")
                    && !ClauseStarts.isCompoundPart(index, in: bullet)
            }
            let isList = (share >= parameters.number("list_share") && !hasVerb) || run.items >= parameters.integer("max_list_items")
            let maxRepeats = parameters.integer("max_repeats")
            let repeated = mostRepeated(bullet, minimum: maxRepeats)
            let isRepetitive = repeated.count >= maxRepeats
            guard isList || isRepetitive else { continue }
            var reasons: [String] = []
            if isList { reasons.append("a list of \(run.items) terms covering \(ShareBands.percent(share)) of its words") }
            if isRepetitive { reasons.append("\"\(repeated.word)\" \(repeated.count) times") }
            findings.append(subject.finding(
                "The bullet reads as keyword stuffing: \(reasons.joined(separator: "; "))", about: bullet,
                severity: isList && isRepetitive ? .major : .minor,
                suggestion: "Say what the person does with these: one duty, its object and its standard."))
        }
        return RuleOutcome(findings: findings, checksRun: bullets.count)
    }

    /// The longest run of consecutive comma-, semicolon- or "and"/"or"-separated items that are each
    /// at most `maxItemWords` words: its item count and word count. Items end at a gap between two
    /// tokens that holds a `,` or `;` (see ``gapEndsItem(_:_:in:)``), and the last token.
    private func longestListRun(_ text: AnalyzedText, maxItemWords: Int) -> (items: Int, tokens: Int) {
        var best = (items: 0, tokens: 0)
        var run = (items: 0, tokens: 0)
        var current = 0
        let utf8 = text.text.utf8
        text.tokens.withUnsafeBufferPointer { tokens in
            for index in tokens.indices {
                current += 1
                let isLast = index == tokens.count - 1
                guard isLast || Self.gapEndsItem(tokens[index].range.upperBound, tokens[index + 1].range.lowerBound, in: text.text, utf8)
                else { continue }
                run = current <= maxItemWords ? (run.items + 1, run.tokens + current) : (0, 0)
                if run.items > best.items { best = run }
                current = 0
            }
        }
        return best
    }

    /// Whether the gap between two tokens holds a `,` or `;`. An all-ASCII gap is checked byte by
    /// byte (there every byte is one Character, CR LF aside), read through the string's contiguous
    /// UTF-8 at byte offsets (a native string's index offsets, found in constant time); any other
    /// gap by Character, so a comma carrying a combining mark still does not count.
    private static func gapEndsItem(_ start: String.Index, _ end: String.Index, in text: String, _ utf8: String.UTF8View) -> Bool {
        let lower = utf8.distance(from: utf8.startIndex, to: start)
        let upper = utf8.distance(from: utf8.startIndex, to: end)
        let scanned: Bool?? = utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            var found = false
            for offset in lower..<upper {
                let byte = bytes[offset]
                if byte >= 0x80 { return nil }
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") { found = true }
            }
            return found
        }
        if let scanned, let found = scanned { return found }
        let gap = start..<end
        return text[gap].contains(",") || text[gap].contains(";")
    }

    /// The content stem that occurs most often (the smallest stem among equals), and how often; the
    /// stem only when it occurs at least `minimum` times (the rule reports no other), so a bullet
    /// without repetition looks up no stem strings. Stems are counted on their ids: (id, position)
    /// pairs sorted as integers put each stem's occurrences in one run, its first occurrence (whose
    /// spelling is reported) first.
    private func mostRepeated(_ text: AnalyzedText, minimum: Int) -> (word: String, count: Int) {
        let tokens = text.tokens
        var occurrences: [UInt64] = []
        occurrences.reserveCapacity(tokens.count)
        for (index, token) in tokens.enumerated() where token.isContent {
            occurrences.append(UInt64(token.stemID) << 32 | UInt64(index))
        }
        occurrences.sort()
        var most = 0
        forEachRun(occurrences) { _, count in most = max(most, count) }
        guard most >= minimum, most > 0 else { return ("", most) }
        var word: String?
        forEachRun(occurrences) { first, count in
            guard count == most else { return }
            let stem = tokens[first].stem
            if word.map({ stem < $0 }) ?? true { word = stem }
        }
        return (word ?? "", most)
    }

    /// Each run of one stem id in sorted (id, position) pairs: its first position and its length.
    private func forEachRun(_ occurrences: [UInt64], _ body: (_ first: Int, _ count: Int) -> Void) {
        var start = 0
        while start < occurrences.count {
            let id = occurrences[start] >> 32
            var end = start + 1
            while end < occurrences.count, occurrences[end] >> 32 == id { end += 1 }
            body(Int(truncatingIfNeeded: occurrences[start] & 0xFFFF_FFFF), end - start)
            start = end
        }
    }
}
