/// The lookup of a compiled ``PhraseSet``, an open-addressing table with linear probing: trie edge
/// (node, stem id) → child node. It is built once and then only read, so it needs no deletion and no
/// resizing after construction.
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
