/// A set of stems or stem bigrams kept as a sorted array of integer keys built from the stems'
/// process-wide ids (``StemIDs``), for similarity between many pairs of texts: intersecting two of
/// them is one merge over integers, and building, copying or freeing one touches no string.
/// Exact, not probabilistic: two stems share an id exactly when they are equal strings, so the
/// counts are those of the corresponding `Set<String>` (``TextSimilarity/contentStems(_:)``,
/// ``TextSimilarity/shingles(_:size:)`` with size 2; a bigram "a b" is the pair (a, b)).
///
/// The order of the keys follows the ids, which differ from run to run: only counts, membership
/// and the stems as strings (``stems``, to be sorted by whoever writes them out) leave the set.
public struct HashedTermSet: Sendable, Equatable {
    /// A single stem is its id; a bigram (a, b) is (id(a) + 1) << 32 | id(b), never a single's key.
    typealias Key = UInt64

    private(set) var keys: [Key]

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    @inline(__always)
    static func singleKey(_ id: UInt32) -> Key { Key(id) }

    @inline(__always)
    static func bigramKey(_ first: UInt32, _ second: UInt32) -> Key { (Key(first) + 1) << 32 | Key(second) }

    init(unsorted: [Key]) {
        var keys = unsorted
        Self.sortAndRemoveDuplicates(&keys)
        self.keys = keys
    }

    /// Sorts `keys` in place and keeps one of each. A text has few keys (a bullet of the benchmark
    /// corpus 28 words, before stopwords are dropped): an insertion sort over the buffer, with no
    /// copy of the array (the caller's is sorted where it lies).
    static func sortAndRemoveDuplicates(_ keys: inout [Key]) {
        let kept: Int = keys.withUnsafeMutableBufferPointer { keys in
            let count = keys.count
            guard count > 1 else { return count }
            if count > 32 {
                keys.sort()
            } else {
                for next in 1..<count {
                    let key = keys[next]
                    var slot = next
                    while slot > 0, keys[slot - 1] > key {
                        keys[slot] = keys[slot - 1]
                        slot -= 1
                    }
                    keys[slot] = key
                }
            }
            var kept = 1
            for index in 1..<count where keys[kept - 1] != keys[index] {
                keys[kept] = keys[index]
                kept += 1
            }
            return kept
        }
        keys.removeSubrange(kept...)
    }

    fileprivate init(sorted keys: [Key]) {
        self.keys = keys
    }

    /// The content stems of `tokens` (neither stopwords nor numbers), as ``TextSimilarity/contentStems(_:)``.
    public static func contentStems(_ tokens: [Token]) -> HashedTermSet {
        // Fields read in place: `for token in tokens` would copy (and retain) each token's strings.
        var keys: [Key] = []
        keys.reserveCapacity(tokens.count)
        for index in tokens.indices where tokens[index].isContent { keys.append(singleKey(tokens[index].stemID)) }
        sortAndRemoveDuplicates(&keys)
        return HashedTermSet(sorted: keys)
    }

    /// Bigrams of the content stems, as ``TextSimilarity/shingles(_:size:)`` with size 2: a text
    /// with one content stem yields that stem, one without any the empty set.
    public static func bigrams(_ tokens: [Token]) -> HashedTermSet {
        var keys: [Key] = []
        keys.reserveCapacity(tokens.count)
        var previous: UInt32?
        for index in tokens.indices where tokens[index].isContent {
            let id = tokens[index].stemID
            if let previous { keys.append(bigramKey(previous, id)) }
            previous = id
        }
        if keys.isEmpty, let previous { keys.append(singleKey(previous)) }
        sortAndRemoveDuplicates(&keys)
        return HashedTermSet(sorted: keys)
    }

    /// Single stems, as ``contentStems(_:)`` would hold them.
    public init<Stems: Sequence<String>>(stems: Stems) {
        self.init(unsorted: stems.map { Self.singleKey(StemIDs.shared.id(of: $0)) })
    }

    /// |a ∩ b|.
    public static func intersectionCount(_ a: HashedTermSet, _ b: HashedTermSet) -> Int {
        a.keys.withUnsafeBufferPointer { x in
            b.keys.withUnsafeBufferPointer { y in
                var i = 0
                var j = 0
                var shared = 0
                while i < x.count && j < y.count {
                    if x[i] == y[j] {
                        shared += 1
                        i += 1
                        j += 1
                    } else if x[i] < y[j] {
                        i += 1
                    } else {
                        j += 1
                    }
                }
                return shared
            }
        }
    }

    /// The union of `sets`, each element once: the sorted sets merged pairwise, in a balanced tree.
    public static func union(_ sets: [HashedTermSet]) -> HashedTermSet {
        var level = sets.map(\.keys).filter { !$0.isEmpty }
        guard !level.isEmpty else { return HashedTermSet(sorted: []) }
        while level.count > 1 {
            var next: [[Key]] = []
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

    /// The union of two sorted, duplicate-free key arrays.
    private static func merged(_ x: [Key], _ y: [Key]) -> [Key] {
        var result: [Key] = []
        result.reserveCapacity(x.count + y.count)
        var i = 0
        var j = 0
        while i < x.count && j < y.count {
            if x[i] < y[j] {
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
        var result: [Key] = []
        result.reserveCapacity(count)
        let y = other.keys
        var j = 0
        for key in keys {
            while j < y.count, y[j] < key { j += 1 }
            if j < y.count, y[j] == key { continue }
            result.append(key)
        }
        return HashedTermSet(sorted: result)
    }

    /// The single stems of the set (bigrams left out), in no particular order.
    public var stems: [String] {
        StemIDs.shared.stems(keys.compactMap { $0 >> 32 == 0 ? UInt32(truncatingIfNeeded: $0) : nil })
    }

    /// True when `stem` is one of the set's single stems.
    public func contains(_ stem: String) -> Bool {
        guard let id = StemIDs.shared.existingID(of: stem) else { return false }
        return contains(Self.singleKey(id))
    }

    /// True when the token's stem is one of the set's single stems (on its id, with no look-up).
    public func contains(stemOf token: Token) -> Bool {
        contains(Self.singleKey(token.stemID))
    }

    /// True when `key` is in the set: a binary search.
    func contains(_ key: Key) -> Bool {
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == key
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
        guard let id = StemIDs.shared.existingID(of: stem) else { return false }
        let key = HashedTermSet.singleKey(id)
        return parts.contains { $0.contains(key) }
    }

    /// |set ∩ union|: the elements of `set` that some part holds, counted up to `limit` (callers
    /// that compare the count with a minimum need no more).
    public func sharedCount(with set: HashedTermSet, atLeast limit: Int = .max) -> Int {
        var count = 0
        for key in set.keys where parts.contains(where: { $0.contains(key) }) {
            count += 1
            if count >= limit { break }
        }
        return count
    }

    /// The elements of `set` that some part holds, and the others.
    public func partition(_ set: HashedTermSet) -> (held: HashedTermSet, notHeld: HashedTermSet) {
        var held: [HashedTermSet.Key] = []
        var notHeld: [HashedTermSet.Key] = []
        for key in set.keys {
            if parts.contains(where: { $0.contains(key) }) { held.append(key) } else { notHeld.append(key) }
        }
        return (HashedTermSet(sorted: held), HashedTermSet(sorted: notHeld))
    }

    /// The union itself.
    public var union: HashedTermSet { HashedTermSet.union(parts) }
}
