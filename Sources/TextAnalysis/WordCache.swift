#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the tokenizer works out for an ASCII word — its lowercased form, its stem's id, and whether
/// it is a stopword — kept per thread, so a word met again (most words of a profile are met many
/// times, and profiles share their vocabulary) is looked up instead of stemmed and hashed again.
///
/// Every entry is a pure function of the word's bytes, so what the cache holds never changes a
/// result, only how fast it comes. Each thread has its own cache (no locks); a cache that reaches
/// `capacity` words is emptied and starts again, so memory stays bounded.
final class WordCache {
    struct Entry {
        var normalized: String
        var stemID: UInt32
        var isStopword: Bool
        var isNumber: Bool
    }

    /// Words held at most (per thread) before the cache starts again.
    static let capacity = 1 << 14

    /// Longer words are not cached (they are rare, and stemmed each time they occur).
    static let maxWordLength = 32

    // One 64-byte slot (a cache line) per word, so a look-up reads one line, not one line in each
    // of four tables: the key (0 = empty; a word's key is never 0, see `Word.key`) at offset 0, the
    // entry at 8 (22 bytes, initialised only in full slots), the word's chunks at 32. A plain
    // allocation rather than arrays in stored properties: every look-up would otherwise pay a
    // dynamic exclusivity check on the class's properties.
    private static let slotSize = 64
    private static let entryOffset = 8
    private static let wordOffset = 32
    private let slots: UnsafeMutableRawPointer
    private let size = WordCache.capacity * 2
    private var count = 0

    init() {
        precondition(MemoryLayout<Entry>.size <= Self.wordOffset - Self.entryOffset && MemoryLayout<Entry>.alignment <= 8)
        slots = .allocate(byteCount: size * Self.slotSize, alignment: Self.slotSize)
        for index in 0..<size { (slots + index * Self.slotSize).initializeMemory(as: UInt64.self, repeating: 0, count: 1) }
    }

    deinit {
        empty()
        slots.deallocate()
    }

    private func empty() {
        for index in 0..<size where key(at: index).pointee != 0 {
            entry(at: index).deinitialize(count: 1)
            key(at: index).pointee = 0
        }
        count = 0
    }

    private var mask: Int { size - 1 }

    /// The cache of the calling thread.
    static var current: WordCache {
        if let pointer = pthread_getspecific(threadKey) {
            return Unmanaged<WordCache>.fromOpaque(pointer).takeUnretainedValue()
        }
        let cache = WordCache()
        pthread_setspecific(threadKey, Unmanaged.passRetained(cache).toOpaque())
        return cache
    }

    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        let created = pthread_key_create(&key) { pointer in
            guard let pointer else { return }
            Unmanaged<WordCache>.fromOpaque(pointer).release()
        }
        precondition(created == 0, "pthread_key_create failed")
        return key
    }()

    @inline(__always)
    private func key(at slot: Int) -> UnsafeMutablePointer<UInt64> {
        (slots + slot &* Self.slotSize).assumingMemoryBound(to: UInt64.self)
    }

    @inline(__always)
    private func entry(at slot: Int) -> UnsafeMutablePointer<Entry> {
        (slots + (slot &* Self.slotSize &+ Self.entryOffset)).assumingMemoryBound(to: Entry.self)
    }

    /// An ASCII word of at most `maxWordLength` bytes, lowercased, as four little-endian 8-byte
    /// chunks padded with zero bytes: what the cache hashes, stores and compares, a word at a time
    /// instead of a byte at a time. A word byte is never 0 (words are letters, digits, apostrophes
    /// and number separators), so the chunks alone tell words of different lengths apart.
    struct Word: Equatable {
        var chunks: (UInt64, UInt64, UInt64, UInt64)

        init(chunks: (UInt64, UInt64, UInt64, UInt64)) {
            self.chunks = chunks
        }

        static func == (lhs: Word, rhs: Word) -> Bool {
            (lhs.chunks.0 ^ rhs.chunks.0) | (lhs.chunks.1 ^ rhs.chunks.1) | (lhs.chunks.2 ^ rhs.chunks.2) | (lhs.chunks.3 ^ rhs.chunks.3) == 0
        }

        /// Bytes `start..<end` of `bytes` (ASCII), lowercased; nil when longer than `maxWordLength`.
        @inline(__always)
        init?(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) {
            let count = end - start
            guard count <= WordCache.maxWordLength else { return nil }
            let base = UnsafeRawPointer(bytes.baseAddress! + start)
            let available = bytes.count - start
            @inline(__always)
            func chunk(_ index: Int) -> UInt64 {
                let offset = index * 8
                let length = count - offset
                guard length > 0 else { return 0 }
                var value: UInt64 = 0
                if available - offset >= 8 {
                    // Eight bytes can be read (the text goes on): read them at once, keep the word's.
                    value = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                    if length < 8 { value &= (1 << (UInt64(length) * 8)) &- 1 }
                } else {
                    for byte in 0..<min(length, 8) {
                        value |= UInt64(base.load(fromByteOffset: offset + byte, as: UInt8.self)) << (UInt64(byte) * 8)
                    }
                }
                return value.asciiLowercased
            }
            chunks = (chunk(0), chunk(1), chunk(2), chunk(3))
        }

        /// Chunk `index` (0..<4).
        @inline(__always)
        private func chunk(_ index: Int) -> UInt64 {
            switch index {
            case 0: return chunks.0
            case 1: return chunks.1
            case 2: return chunks.2
            default: return chunks.3
            }
        }

        /// The word's length in bytes (its bytes are non-zero, the padding is).
        var count: Int {
            (0..<4).reduce(0) { total, index in total + (64 - chunk(index).leadingZeroBitCount + 7) / 8 }
        }

        /// The probe key: a mix of the chunks, never 0 (the mark of an empty slot).
        @inline(__always)
        var key: UInt64 {
            var hash = (chunks.0 ^ 0x9e37_79b9_7f4a_7c15) &* 0xbf58_476d_1ce4_e5b9
            if chunks.1 != 0 {
                hash = (hash ^ (hash >> 29) ^ chunks.1) &* 0x94d0_49bb_1331_11eb
                hash = (hash ^ (hash >> 32) ^ chunks.2) &* 0xbf58_476d_1ce4_e5b9
                hash = (hash ^ (hash >> 29) ^ chunks.3) &* 0x94d0_49bb_1331_11eb
            }
            hash ^= hash >> 32
            return hash == 0 ? 1 : hash
        }

        /// The lowercased word as a string.
        var string: String {
            let count = count
            return String(unsafeUninitializedCapacity: count) { buffer in
                for offset in 0..<count { buffer[offset] = UInt8(truncatingIfNeeded: chunk(offset / 8) >> (UInt64(offset % 8) * 8)) }
                return count
            }
        }
    }

    /// The entry of `word`, when the cache holds it: a pointer into the cache, valid until the next
    /// `insert`, so the caller copies only the fields it reads.
    @inline(__always)
    func entry(_ word: Word, key: UInt64) -> UnsafePointer<Entry>? {
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let stored = self.key(at: slot).pointee
            if stored == 0 { return nil }
            if stored == key, storedWord(at: slot) == word { return UnsafePointer(entry(at: slot)) }
            slot = (slot + 1) & mask
        }
    }

    /// Caches `entry` for `word`.
    func insert(_ entry: Entry, word: Word, key: UInt64) {
        if count >= Self.capacity { empty() }
        var slot = Int(truncatingIfNeeded: key) & mask
        while self.key(at: slot).pointee != 0 { slot = (slot + 1) & mask }
        let base = slots + slot * Self.slotSize
        self.key(at: slot).pointee = key
        (base + Self.entryOffset).initializeMemory(as: Entry.self, repeating: entry, count: 1)
        base.storeBytes(of: word.chunks.0, toByteOffset: Self.wordOffset, as: UInt64.self)
        base.storeBytes(of: word.chunks.1, toByteOffset: Self.wordOffset + 8, as: UInt64.self)
        base.storeBytes(of: word.chunks.2, toByteOffset: Self.wordOffset + 16, as: UInt64.self)
        base.storeBytes(of: word.chunks.3, toByteOffset: Self.wordOffset + 24, as: UInt64.self)
        count += 1
    }

    @inline(__always)
    private func storedWord(at slot: Int) -> Word {
        let base = UnsafeRawPointer(slots + slot &* Self.slotSize)
        return Word(chunks: (
            base.load(fromByteOffset: Self.wordOffset, as: UInt64.self), base.load(fromByteOffset: Self.wordOffset + 8, as: UInt64.self),
            base.load(fromByteOffset: Self.wordOffset + 16, as: UInt64.self), base.load(fromByteOffset: Self.wordOffset + 24, as: UInt64.self)
        ))
    }
}

extension UInt64 {
    /// The eight bytes (each below 0x80) with A–Z turned to a–z, all at once: a byte plus 0x3F
    /// reaches 0x80 from "A" up, plus 0x25 from "Z" + 1 up, and neither carries into the next byte.
    @inline(__always)
    fileprivate var asciiLowercased: UInt64 {
        let fromA = self &+ 0x3f3f_3f3f_3f3f_3f3f
        let pastZ = self &+ 0x2525_2525_2525_2525
        return self | ((fromA & ~pastZ & 0x8080_8080_8080_8080) >> 2)
    }
}
