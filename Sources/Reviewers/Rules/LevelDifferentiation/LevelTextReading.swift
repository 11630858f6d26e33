import ProfileModel
import TextAnalysis

/// Where clauses start in a text, so verbs are read only where they lead a clause: the first word,
/// a word after `,` `;` `:` `.` `(`, or after a joining "and"/"or"/"then". Scope adjectives
/// ("own area") and hyphenated nouns ("set-up") in the middle of a clause are thereby not read as
/// decision verbs.
///
/// Answered per token index from the gap before it (read as UTF-8 bytes, no substrings), when a
/// rule asks: rules ask only where a phrase matched.
struct ClauseStarts {
    private let text: AnalyzedText

    /// Each answer depends on the token and its neighbours only, so it is worked out when asked:
    /// callers ask about the few tokens where a phrase matched, not about every token.
    init(_ text: AnalyzedText) {
        self.text = text
    }

    /// True when token `index` starts a clause (false for an index outside the text).
    func contains(_ index: Int) -> Bool {
        let tokens = text.tokens
        guard tokens.indices.contains(index), !Self.isCompoundPart(index, in: text) else { return false }
        return index == 0
            || Self.hasBreak(tokens[index - 1].range.upperBound..<tokens[index].range.lowerBound, in: text.text)
            || tokens[index - 1].isStopword && Self.isJoiner(tokens[index - 1].normalized)
    }

    private static let breaks: Set<Character> = [",", ";", ":", ".", "(", "—", "–"]

    /// Joiners are stopwords (``Stopwords``), so only stopword tokens are compared with them.
    private static func isJoiner(_ normalized: String) -> Bool {
        switch normalized {
        case "and", "or", "then", "while": true
        default: false
        }
    }

    /// Whether the gap between two tokens holds a clause break. An all-ASCII gap is checked byte by
    /// byte (there every byte is one Character, CR LF aside, which holds no break); any other gap by
    /// Character, as `breaks` is defined (a comma with a combining mark on it is no comma).
    private static func hasBreak(_ gap: Range<String.Index>, in text: String) -> Bool {
        var found = false
        for byte in text.utf8[gap] {
            if byte >= 0x80 { return text[gap].contains(where: breaks.contains) }
            switch byte {
            case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "("):
                found = true
            default:
                continue
            }
        }
        return found
    }

    /// True when the token is glued to the next one by a hyphen or slash ("set-up", "follow-up").
    /// The gap is compared as bytes: no other text is canonically equivalent to "-" or "/".
    static func isCompoundPart(_ index: Int, in text: AnalyzedText) -> Bool {
        let tokens = text.tokens
        guard index + 1 < tokens.count else { return false }
        let gap = text.text.utf8[tokens[index].range.upperBound..<tokens[index + 1].range.lowerBound]
        guard gap.count == 1, let byte = gap.first else { return false }
        return byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/")
    }
}

extension RankedLexicon {
    /// The highest rank whose phrase leads a clause of `text`.
    func highestClauseRank(in text: AnalyzedText) -> (rank: Rank, phrase: String)? {
        let starts = ClauseStarts(text)
        for rank in ranks.reversed() {
            for match in rank.phrases.matches(in: text.tokens) where starts.contains(match.tokenRange.lowerBound) {
                return (rank, rank.phrases.phrases[match.phraseIndex])
            }
        }
        return nil
    }

    /// The highest rank among a catalogue level's own decision verbs ("approves", "owns" …).
    func highestRank(ofVerbs verbs: [String]) -> Int? {
        verbs.compactMap { highestRank(in: Tokenizer.tokenize($0))?.rank.rank }.max()
    }
}

/// Similarity of two texts as the near-duplicate rules measure it: the larger of the Jaccard
/// similarity of their content stems and of their 2-word shingles.
enum NearDuplicate {
    static func similarity(_ a: AnalyzedText, _ b: AnalyzedText) -> Double {
        let stems = HashedTermSet.jaccard(a.stemKeys, b.stemKeys)
        let shingles = HashedTermSet.jaccard(a.shingleKeys, b.shingleKeys)
        return max(stems, shingles)
    }

    static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
