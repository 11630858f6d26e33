/// The two lookups of a compiled ``PhraseSet``, as open-addressing tables
/// with linear probing: stem → stem id (keyed by ``StemHash``, confirmed by string comparison) and
/// trie edge (node, stem id) → child node. Both are built once and then only read, so they need no deletion
/// and no resizing after construction.
struct StemTable: Sendable {
    private var hashes: [UInt64]
    private var stems: [String]
    private var ids: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        hashes = Array(repeating: 0, count: size)
        stems = Array(repeating: "", count: size)
        ids = Array(repeating: -1, count: size)
        mask = size - 1
    }

    /// The id of `stem`, assigning the next one when it is new.
    mutating func intern(_ stem: String) -> Int32 {
        let hash = StemHash.of(stem)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while ids[slot] >= 0 {
            if hashes[slot] == hash && stems[slot] == stem { return ids[slot] }
            slot = (slot + 1) & mask
        }
        if (count + 1) * 2 > hashes.count {
            grow()
            return intern(stem)
        }
        let id = Int32(count)
        hashes[slot] = hash
        stems[slot] = stem
        ids[slot] = id
        count += 1
        return id
    }

    /// The id of the token's stem, or -1 when no phrase uses it.
    @inline(__always)
    func id(of token: Token) -> Int32 {
        id(of: token.stem, hash: token.stemHash)
    }

    /// The id of `stem` (whose ``StemHash`` is `hash`), or -1.
    @inline(__always)
    func id(of stem: String, hash: UInt64) -> Int32 {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = ids[slot]
            if id < 0 { return -1 }
            if hashes[slot] == hash && stems[slot] == stem { return id }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        var bigger = StemTable(capacity: hashes.count)
        var entries: [(Int32, String)] = []
        for slot in ids.indices where ids[slot] >= 0 { entries.append((ids[slot], stems[slot])) }
        for (_, stem) in entries.sorted(by: { $0.0 < $1.0 }) { _ = bigger.intern(stem) }
        self = bigger
    }
}

struct EdgeTable: Sendable {
    private var keys: [UInt64]
    private var children: [Int32]
    private var mask: Int
    private var count = 0

    init() {
        keys = Array(repeating: 0, count: 16)
        children = Array(repeating: -1, count: 16)
        mask = 15
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    @inline(__always)
    func child(_ key: UInt64) -> Int32? {
        var slot = Self.slot(key, mask)
        while true {
            let child = children[slot]
            if child < 0 { return nil }
            if keys[slot] == key { return child }
            slot = (slot + 1) & mask
        }
    }

    mutating func insert(_ key: UInt64, child: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        var slot = Self.slot(key, mask)
        while children[slot] >= 0 {
            if keys[slot] == key {
                children[slot] = child
                return
            }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        children[slot] = child
        count += 1
    }

    private mutating func grow() {
        let old = zip(keys, children).filter { $0.1 >= 0 }
        keys = Array(repeating: 0, count: keys.count * 2)
        children = Array(repeating: -1, count: keys.count)
        mask = keys.count - 1
        count = 0
        for (key, child) in old { insert(key, child: child) }
    }
}
