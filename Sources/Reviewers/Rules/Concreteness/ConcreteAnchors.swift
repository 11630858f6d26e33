import ProfileModel
import TextAnalysis

/// What makes a bullet checkable: a named product or entity, a domain measure, an artefact, a
/// standard, a number, or a named product the rubric does not list.
struct ConcreteAnchors {
    let domain: DomainPack?
    let lexicons: Lexicons

    /// Spelled-out counts ("four or five patients") are measures as much as digits are.
    static let numberWords: Set<String> = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                           "eleven", "twelve", "fifteen", "twenty", "thirty", "fifty", "hundred", "dozen"]

    init(_ subject: ReviewSubject) {
        domain = subject.analysis.domain
        lexicons = subject.knowledge.lexicons
    }

    /// The first concrete anchor of `text`, described for evidence; nil when it names nothing concrete.
    func anchor(in text: AnalyzedText) -> String? {
        let tokens = text.tokens
        if let domain {
            // Vocabulary counts too: "conveyor", "bioreactor", "general ledger" are kinds of thing a
            // reader can picture; the stand-in rule catches names replaced by "equipment".
            for set in [domain.entityPhrases, domain.concreteTerms, domain.vocabulary] {
                if let match = set.firstMatch(in: tokens) { return text.excerpt(match.tokenRange) }
            }
        }
        for lexicon in [lexicons.artifacts, lexicons.standards] {
            if let match = lexicon.phrases.firstMatch(in: tokens) { return text.excerpt(match.tokenRange) }
        }
        if let number = tokens.firstIndex(where: { $0.isNumber || Self.numberWords.contains($0.normalized) }) {
            return text.excerpt(number..<(number + 1))
        }
        if let named = namedProduct(in: text) { return text.excerpt(named..<(named + 1)) }
        return nil
    }

    /// Two capitals, or a capital right after a lowercase letter ("SAP", "LabWare"): the letters'
    /// cases, in order.
    private static func isProductLike<Letters: Sequence>(_ letters: Letters) -> Bool
    where Letters.Element == (isUpper: Bool, isLower: Bool) {
        var capitals = 0
        var previousLower = false
        for letter in letters {
            if letter.isUpper {
                capitals += 1
                if previousLower || capitals >= 2 { return true }
            }
            previousLower = letter.isLower
        }
        return false
    }

    /// True when the text names an entity of the domain pack or a product-like name.
    func namesSomething(_ text: AnalyzedText) -> Bool {
        !namedTokenIndices(in: text).isEmpty
    }

    /// Token indices that name a specific thing: domain entities and vendors, and product-like
    /// names that are not a generic category the lexicons list ("ERP", "LMS", "SOP" are kinds of
    /// thing, not names).
    func namedTokenIndices(in text: AnalyzedText) -> [Int] {
        var indices: [Int] = []
        if let domain {
            for set in [domain.entityPhrases, domain.vendorPhrases] {
                for match in set.matches(in: text.tokens) { indices.append(contentsOf: match.tokenRange) }
            }
        }
        for index in productLikeIndices(in: text) {
            let token = text.tokens[index]
            if lexicons.genericNameStems.contains(stemOf: token) { continue }
            if let domain, domain.vocabulary.contains(in: [token]) || domain.concreteTerms.contains(in: [token]) { continue }
            indices.append(index)
        }
        return indices
    }

    /// Token indices inside domain vocabulary, concrete terms, artefacts or standards: words that
    /// say what kind of thing is meant.
    func termTokenIndices(in text: AnalyzedText) -> Set<Int> {
        var sets = [lexicons.artifacts.phrases, lexicons.standards.phrases]
        if let domain { sets += [domain.vocabulary, domain.concreteTerms] }
        var indices: Set<Int> = []
        for set in sets {
            for match in set.matches(in: text.tokens) { indices.formUnion(match.tokenRange) }
        }
        return indices
    }

    func namedProduct(in text: AnalyzedText) -> Int? {
        productLikeIndices(in: text).first
    }

    /// Tokens written like a product name, conservatively: two or more capitals ("JMP", "CELL" in
    /// "Vi-CELL") or a capital after a lowercase letter ("BlackLine", "DeltaV"), and not the
    /// first word. Plain capitalised words ("Maintenance", "Kubernetes") are left to the domain
    /// pack, because department names and sentence starts look the same.
    func productLikeIndices(in text: AnalyzedText) -> [Int] {
        text.tokens.indices.dropFirst().filter { index in
            guard !text.tokens[index].isNumber else { return false }
            let range = text.tokens[index].range
            let bytes = text.text.utf8[range]
            // An ASCII token is read byte by byte: there every byte is one Character, and only A–Z
            // are uppercase and a–z lowercase.
            if bytes.allSatisfy({ $0 < 0x80 }) {
                return Self.isProductLike(bytes.lazy.map { ($0 >= 0x41 && $0 <= 0x5A, $0 >= 0x61 && $0 <= 0x7A) })
            }
            return Self.isProductLike(text.text[range].lazy.map { ($0.isUppercase, $0.isLowercase) })
        }
    }
}

/// Severity bands for share-based rules: below `blocker_below` a blocker, below `major_below` a
/// major, below `minor_below` a minor.
enum ShareBands {
    static let parameters: [RuleParameter] = [
        RuleParameter("minor_below", default: .number(0.8), "Share below which the finding is minor."),
        RuleParameter("major_below", default: .number(0.6), "Share below which the finding is major."),
        RuleParameter("blocker_below", default: .number(0.4), "Share below which the finding is a blocker."),
    ]

    static func severity(_ share: Double, _ parameters: RuleParameters) -> Severity? {
        if share < parameters.number("blocker_below") { return .blocker }
        if share < parameters.number("major_below") { return .major }
        if share < parameters.number("minor_below") { return .minor }
        return nil
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}

/// Guards lexicon matches against stems that merge different words: the light stemmer maps
/// "timely", "timing" and "time" to one stem, so "timely" (vague) would match "hold times". A match
/// counts only when each matched word is the entry's word or a plain inflection of it.
enum SurfaceMatch {
    static func agrees(_ entry: String, _ tokens: ArraySlice<Token>) -> Bool {
        let entryTokens = Tokenizer.tokenize(entry)
        guard entryTokens.count == tokens.count else { return true }
        return zip(entryTokens, tokens).allSatisfy { root($0.normalized) == root($1.normalized) }
    }

    private static func root(_ word: String) -> String {
        for suffix in ["ing", "ies", "es", "ed", "s", "d", "e"] where word.count > suffix.count + 2 && word.hasSuffix(suffix) {
            return String(word.dropLast(suffix.count))
        }
        return word
    }
}

extension Lexicon {
    /// `matches(in:)` without matches whose words only share a stem with the entry, plus longer
    /// entries that start inside a match and run past it: leftmost-longest alone reads "and other
    /// duties as assigned" as "and other" and never sees "other duties as assigned". The re-scan is
    /// bounded by the longest phrase, so matching stays linear.
    func surfaceMatches(in tokens: [Token]) -> [(entry: Entry, tokenRange: Range<Int>)] {
        var result: [(entry: Entry, tokenRange: Range<Int>)] = []
        for match in matches(in: tokens) {
            result.append(match)
            for start in (match.tokenRange.lowerBound + 1)..<match.tokenRange.upperBound {
                let window = Array(tokens[start..<min(tokens.count, start + phrases.maxPhraseTokenCount)])
                if let inner = phrases.firstMatch(in: window), inner.tokenRange.lowerBound == 0,
                   start + inner.tokenRange.upperBound > match.tokenRange.upperBound {
                    result.append((entries[inner.phraseIndex], (start + inner.tokenRange.lowerBound)..<(start + inner.tokenRange.upperBound)))
                    break
                }
            }
        }
        return result.filter { SurfaceMatch.agrees($0.entry.term, tokens[$0.tokenRange]) }
    }
}
