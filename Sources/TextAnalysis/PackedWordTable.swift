/// A fixed set of short ASCII words, looked up by their bytes packed into two integers: no string
/// hashing, no string comparison. For an ASCII query, byte equality is exactly `String` equality
/// (ASCII text has no other canonically equivalent spelling), so the answer is the same as a
/// `Set<String>` lookup; callers route non-ASCII queries elsewhere.
struct PackedWordTable: Sendable {
    /// Words longer than this cannot be packed: 15 bytes plus the length byte fill two 64-bit halves.
    static let maxLength = 15

    private var keys: [Key]
    private var occupied: [Bool]
    private let mask: Int

    private struct Key: Equatable {
        var low: UInt64
        var high: UInt64
    }

    /// `words` must all be ASCII and at most ``maxLength`` bytes.
    init(_ words: some Collection<String>) {
        var size = 16
        while size < words.count * 2 { size <<= 1 }
        keys = Array(repeating: Key(low: 0, high: 0), count: size)
        occupied = Array(repeating: false, count: size)
        mask = size - 1
        for word in words {
            var utf8 = Array(word.utf8)
            precondition(utf8.count <= Self.maxLength && utf8.allSatisfy { $0 < 0x80 }, "not a short ASCII word: \(word)")
            let key = utf8.withUnsafeMutableBufferPointer { Self.key(UnsafeBufferPointer($0)) }
            var slot = Self.slot(key, mask)
            while occupied[slot] && keys[slot] != key { slot = (slot + 1) & mask }
            keys[slot] = key
            occupied[slot] = true
        }
    }

    /// True when `bytes` (any length, any bytes) is one of the words.
    func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count <= Self.maxLength else { return false }
        let key = Self.key(bytes)
        var slot = Self.slot(key, mask)
        while occupied[slot] {
            if keys[slot] == key { return true }
            slot = (slot + 1) & mask
        }
        return false
    }

    /// The bytes little-endian into two words, and the length in the top byte (free, as words have
    /// at most 15 bytes) so that trailing NUL bytes cannot make two different words collide.
    @inline(__always)
    private static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Key {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for (offset, byte) in bytes.enumerated() {
            if offset < 8 {
                low |= UInt64(byte) << (8 * offset)
            } else {
                high |= UInt64(byte) << (8 * (offset - 8))
            }
        }
        return Key(low: low, high: high | UInt64(bytes.count) << 56)
    }

    @inline(__always)
    private static func slot(_ key: Key, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: ((key.low ^ key.high &* 0xC2B2_AE3D_27D4_EB4F) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }
}
