/// A fixed list of English stopwords: articles, prepositions, pronouns, auxiliaries, conjunctions
/// and a few very common adverbs and determiners. Lookups take a lowercased word (a token's
/// `normalized`), with `'` as the apostrophe.
public enum Stopwords {
    public static func contains(_ normalized: String) -> Bool {
        guard normalized.utf8.count <= longest else { return false }
        let asciiAnswer = normalized.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { $0 < 0x80 } ? packed.contains(bytes) : nil
        }
        if let asciiAnswer, let asciiAnswer { return asciiAnswer }
        return words.contains(normalized)
    }

    /// `words` packed for byte lookups (a stopword check runs for every token); non-ASCII words
    /// fall back to the `Set<String>`, whose equality is canonical equivalence.
    private static let packed = PackedWordTable(words)

    /// Length in bytes of the longest stopword: longer words skip the set lookup.
    private static let longest = words.map(\.utf8.count).max() ?? 0

    /// The whole list, for documentation and tests.
    public static var all: Set<String> { words }

    private static let words: Set<String> = [
        // articles and determiners
        "a", "an", "the", "this", "that", "these", "those", "each", "every", "either", "neither",
        "some", "any", "all", "both", "few", "more", "most", "other", "such", "no", "own", "same",
        // prepositions
        "about", "above", "across", "after", "against", "along", "among", "around", "as", "at",
        "before", "behind", "below", "beneath", "beside", "between", "beyond", "by", "despite", "down",
        "during", "except", "for", "from", "in", "inside", "into", "near", "of", "off", "on", "onto",
        "out", "outside", "over", "per", "since", "through", "throughout", "to", "toward", "towards",
        "under", "until", "up", "upon", "via", "with", "within", "without",
        // pronouns
        "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your",
        "yours", "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers",
        "herself", "it", "its", "itself", "they", "them", "their", "theirs", "themselves", "what",
        "which", "who", "whom", "whose", "whoever", "whatever", "one",
        // auxiliaries and modals
        "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having", "do",
        "does", "did", "doing", "will", "would", "shall", "should", "can", "could", "may", "might",
        "must",
        // conjunctions
        "and", "or", "but", "nor", "so", "yet", "if", "then", "else", "than", "because", "while",
        "whereas", "although", "though", "unless", "whether", "once", "when", "where", "why", "how",
        // common adverbs and particles
        "not", "only", "very", "too", "also", "just", "again", "further", "here", "there", "now",
        "etc",
        // contractions
        "it's", "don't", "doesn't", "isn't", "aren't", "can't", "won't",
    ]
}
