/// A set of stems or stem bigrams kept as an array sorted by ``StemHash``, for similarity
/// between many pairs of texts: intersecting two of them is one merge over integers, with no
/// string hashing. Exact, not probabilistic: elements sort by (hash, first, second), and equal
/// hashes are told apart by comparing the strings, so the counts are those of the corresponding
/// `Set<String>` (``TextSimilarity/contentStems(_:)``, ``TextSimilarity/shingles(_:size:)`` with
/// size 2; a bigram "a b" is the pair (a, b): stems never contain a space).
public struct HashedTermSet: Sendable, Equatable {
    struct Element: Sendable, Equatable {
        var hash: UInt64
        var first: String
        /// The second stem of a bigram; nil for a single stem.
        var second: String?

        static func precedes(_ a: Element, _ b: Element) -> Bool {
            if a.hash != b.hash { return a.hash < b.hash }
            if a.first != b.first { return a.first < b.first }
            switch (a.second, b.second) {
            case (nil, nil): return false
            case (nil, _): return true
            case (_, nil): return false
            case let (x?, y?): return x < y
            }
        }
    }

    private(set) var elements: [Element]

    public var count: Int { elements.count }
    public var isEmpty: Bool { elements.isEmpty }

    init(unsorted: [Element]) {
        // Sort (hash, position) pairs, which are plain integers, and compare strings only on a hash
        // tie. (Sorting the elements themselves, strings and all, measured three times as costly.)
        var order = unsorted.indices.map { (unsorted[$0].hash, $0) }
        order.sort { a, b in
            a.0 != b.0 ? a.0 < b.0 : Element.precedes(unsorted[a.1], unsorted[b.1])
        }
        var unique: [Element] = []
        unique.reserveCapacity(order.count)
        for (_, index) in order where unique.last != unsorted[index] { unique.append(unsorted[index]) }
        elements = unique
    }

    /// The content stems of `tokens` (neither stopwords nor numbers), as ``TextSimilarity/contentStems(_:)``.
    public static func contentStems(_ tokens: [Token]) -> HashedTermSet {
        HashedTermSet(unsorted: tokens.compactMap { $0.isContent ? Element(hash: $0.stemHash, first: $0.stem, second: nil) : nil })
    }

    /// Bigrams of the content stems, as ``TextSimilarity/shingles(_:size:)`` with size 2: a text
    /// with one content stem yields that stem, one without any the empty set.
    public static func bigrams(_ tokens: [Token]) -> HashedTermSet {
        // One pass over the tokens, remembering only the previous content stem: no filtered copy of
        // the tokens (each copy retains two strings).
        var elements: [Element] = []
        elements.reserveCapacity(tokens.count)
        var previous: (hash: UInt64, stem: String)?
        for token in tokens where token.isContent {
            if let previous {
                let hash = (previous.hash &* 0x9E37_79B9_7F4A_7C15) ^ (token.stemHash &+ 0x632B_E59B_D9B4_E019)
                elements.append(Element(hash: hash, first: previous.stem, second: token.stem))
            }
            previous = (token.stemHash, token.stem)
        }
        if elements.isEmpty, let previous {
            elements.append(Element(hash: previous.hash, first: previous.stem, second: nil))
        }
        return HashedTermSet(unsorted: elements)
    }

    /// |a ∩ b|.
    public static func intersectionCount(_ a: HashedTermSet, _ b: HashedTermSet) -> Int {
        var i = 0
        var j = 0
        var shared = 0
        let x = a.elements
        let y = b.elements
        while i < x.count && j < y.count {
            if x[i].hash != y[j].hash {
                if x[i].hash < y[j].hash { i += 1 } else { j += 1 }
            } else if x[i] == y[j] {
                shared += 1
                i += 1
                j += 1
            } else if Element.precedes(x[i], y[j]) {
                i += 1
            } else {
                j += 1
            }
        }
        return shared
    }

    /// The union of `sets`, each element once: the sorted sets merged pairwise, in a balanced tree.
    public static func union(_ sets: [HashedTermSet]) -> HashedTermSet {
        var level = sets.map(\.elements).filter { !$0.isEmpty }
        guard !level.isEmpty else { return HashedTermSet(sorted: []) }
        while level.count > 1 {
            var next: [[Element]] = []
            next.reserveCapacity((level.count + 1) / 2)
            var index = 0
            while index + 1 < level.count {
                next.append(merged(level[index], level[index + 1]))
                index += 2
            }
            if index < level.count { next.append(level[index]) }
            level = next
        }
        return HashedTermSet(sorted: level[0])
    }

    /// Single stems, as ``contentStems(_:)`` would hold them.
    public init<Stems: Sequence<String>>(stems: Stems) {
        self.init(unsorted: stems.map { Element(hash: StemHash.of($0), first: $0, second: nil) })
    }

    fileprivate init(sorted elements: [Element]) {
        self.elements = elements
    }

    /// The union of two sorted, duplicate-free element arrays.
    private static func merged(_ x: [Element], _ y: [Element]) -> [Element] {
        var result: [Element] = []
        result.reserveCapacity(x.count + y.count)
        var i = 0
        var j = 0
        while i < x.count && j < y.count {
            if Element.precedes(x[i], y[j]) {
                result.append(x[i])
                i += 1
            } else if x[i] == y[j] {
                result.append(x[i])
                i += 1
                j += 1
            } else {
                result.append(y[j])
                j += 1
            }
        }
        result += x[i...]
        result += y[j...]
        return result
    }

    /// The elements of this set that are not in `other`.
    public func subtracting(_ other: HashedTermSet) -> HashedTermSet {
        guard !other.isEmpty, !isEmpty else { return self }
        var result: [Element] = []
        result.reserveCapacity(count)
        let y = other.elements
        var j = 0
        for element in elements {
            while j < y.count, Element.precedes(y[j], element) { j += 1 }
            if j < y.count, y[j] == element { continue }
            result.append(element)
        }
        return HashedTermSet(sorted: result)
    }

    /// The single stems of the set (bigrams left out), in the set's order.
    public var stems: [String] {
        elements.compactMap { $0.second == nil ? $0.first : nil }
    }

    /// True when `stem` is one of the set's single stems.
    public func contains(_ stem: String) -> Bool {
        contains(stem, hash: StemHash.of(stem))
    }

    /// True when the token's stem is one of the set's single stems (on its precomputed hash).
    public func contains(stemOf token: Token) -> Bool {
        contains(token.stem, hash: token.stemHash)
    }

    func contains(_ stem: String, hash: UInt64) -> Bool {
        contains(Element(hash: hash, first: stem, second: nil))
    }

    /// True when `element` is in the set: a binary search on the hash, then the few elements that
    /// share it compared in full.
    func contains(_ element: Element) -> Bool {
        var low = 0
        var high = elements.count
        while low < high {
            let middle = (low + high) / 2
            if elements[middle].hash < element.hash { low = middle + 1 } else { high = middle }
        }
        while low < elements.count, elements[low].hash == element.hash {
            if elements[low] == element { return true }
            low += 1
        }
        return false
    }

    /// |a ∩ b| / |a ∪ b|; 0 when both are empty (the same value as ``TextSimilarity/jaccard(_:_:)``
    /// of the corresponding string sets).
    public static func jaccard(_ a: HashedTermSet, _ b: HashedTermSet) -> Double {
        let shared = intersectionCount(a, b)
        let union = a.count + b.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }
}

/// Several hashed term sets read as their union without building it: a profile's stems are asked
/// about a few dozen times per review, fewer than building the union of every text's set would cost.
public struct HashedTermSetUnion: Sendable {
    public let parts: [HashedTermSet]

    public init(_ parts: [HashedTermSet]) {
        self.parts = parts.filter { !$0.isEmpty }
    }

    /// True when `stem` is a single stem of any part.
    public func contains(_ stem: String) -> Bool {
        let hash = StemHash.of(stem)
        return parts.contains { $0.contains(stem, hash: hash) }
    }

    /// |set ∩ union|: the elements of `set` that some part holds, counted up to `limit` (callers
    /// that compare the count with a minimum need no more).
    public func sharedCount(with set: HashedTermSet, atLeast limit: Int = .max) -> Int {
        var count = 0
        for element in set.elements where parts.contains(where: { $0.contains(element) }) {
            count += 1
            if count >= limit { break }
        }
        return count
    }

    /// The elements of `set` that some part holds, and the others; both in `set`'s order.
    public func partition(_ set: HashedTermSet) -> (held: HashedTermSet, notHeld: HashedTermSet) {
        var held: [HashedTermSet.Element] = []
        var notHeld: [HashedTermSet.Element] = []
        for element in set.elements {
            if parts.contains(where: { $0.contains(element) }) { held.append(element) } else { notHeld.append(element) }
        }
        return (HashedTermSet(sorted: held), HashedTermSet(sorted: notHeld))
    }

    /// The union itself.
    public var union: HashedTermSet { HashedTermSet.union(parts) }
}
