/// Set-based similarity of normalised token sets, for spotting near-duplicate bullets
/// ("normalised token similarity, not exact match").
public enum TextSimilarity {
    /// |a ∩ b| / |a ∪ b|; 0 when both sets are empty.
    public static func jaccard<T: Hashable>(_ a: Set<T>, _ b: Set<T>) -> Double {
        let shared = intersectionCount(a, b)
        let union = a.count + b.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }

    /// |a ∩ b| / |a|: how much of `a` is found in `b`; 0 when `a` is empty.
    public static func containment<T: Hashable>(_ a: Set<T>, in b: Set<T>) -> Double {
        a.isEmpty ? 0 : Double(intersectionCount(a, b)) / Double(a.count)
    }

    /// Stems of the tokens that are neither stopwords nor numbers.
    public static func contentStems(_ tokens: [Token]) -> Set<String> {
        var stems = Set<String>(minimumCapacity: tokens.count)
        for token in tokens where token.isContent {
            stems.insert(token.stem)
        }
        return stems
    }

    /// Word n-grams of the content stems (stopwords and numbers dropped first), joined by a space.
    /// A text with fewer than `size` content stems yields one shingle of all of them, so short
    /// bullets still compare; a text without content stems yields the empty set.
    public static func shingles(_ tokens: [Token], size: Int = 2) -> Set<String> {
        precondition(size >= 1, "shingle size must be at least 1")
        let stems = tokens.lazy.filter(\.isContent).map(\.stem)
        let content = Array(stems)
        guard !content.isEmpty else { return [] }
        guard content.count >= size else { return [content.joined(separator: " ")] }
        var result = Set<String>(minimumCapacity: content.count - size + 1)
        for start in 0...(content.count - size) {
            result.insert(content[start..<(start + size)].joined(separator: " "))
        }
        return result
    }

    /// Jaccard similarity of two texts' content stems; a convenience over the functions above.
    public static func contentSimilarity(_ a: String, _ b: String) -> Double {
        jaccard(contentStems(Tokenizer.tokenize(a)), contentStems(Tokenizer.tokenize(b)))
    }

    private static func intersectionCount<T: Hashable>(_ a: Set<T>, _ b: Set<T>) -> Int {
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        var count = 0
        for element in small where large.contains(element) {
            count += 1
        }
        return count
    }
}
