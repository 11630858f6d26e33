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
    // of four tables: the key (0 = empty; a word's key is never 0, see `key(ofLowercased:)`) at
    // offset 0, the entry at 8 (22 bytes, initialised only in full slots), the word's length at 30,
    // the word lowercased at 32. A plain allocation rather than arrays in stored properties: every look-up
    // would otherwise pay a dynamic exclusivity check on the class's properties.
    private static let slotSize = 64
    private static let entryOffset = 8
    private static let lengthOffset = 30
    private static let wordOffset = 32
    private let slots: UnsafeMutableRawPointer
    private let size = WordCache.capacity * 2
    private var count = 0

    init() {
        precondition(MemoryLayout<Entry>.size <= Self.lengthOffset - Self.entryOffset && MemoryLayout<Entry>.alignment <= 8)
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

    /// FNV-1a of the word's bytes lowercased, the key the cache is probed with; never 0 (the mark of
    /// an empty slot: a hash of 0 becomes 1).
    @inline(__always)
    static func key(ofLowercased word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { hash = (hash ^ UInt64(ASCIIByte.lowercased(byte))) &* 0x0000_0100_0000_01b3 }
        return hash == 0 ? 1 : hash
    }

    /// The entry of `word` (ASCII bytes, any case), when the cache holds it: a pointer into the
    /// cache, valid until the next `insert`, so the caller copies only the fields it reads.
    @inline(__always)
    func entry(_ word: UnsafeBufferPointer<UInt8>, key: UInt64) -> UnsafePointer<Entry>? {
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let stored = self.key(at: slot).pointee
            if stored == 0 { return nil }
            if stored == key, isLowercased(word, slot: slot) { return UnsafePointer(entry(at: slot)) }
            slot = (slot + 1) & mask
        }
    }

    /// Caches `entry` for `word` (the ASCII bytes it was made from, any case); a word longer than
    /// `maxWordLength` is not cached.
    func insert(_ entry: Entry, word: UnsafeBufferPointer<UInt8>, key: UInt64) {
        guard word.count <= Self.maxWordLength else { return }
        if count >= Self.capacity { empty() }
        var slot = Int(truncatingIfNeeded: key) & mask
        while self.key(at: slot).pointee != 0 { slot = (slot + 1) & mask }
        let base = slots + slot * Self.slotSize
        self.key(at: slot).pointee = key
        (base + Self.entryOffset).initializeMemory(as: Entry.self, repeating: entry, count: 1)
        for index in 0..<word.count { base.storeBytes(of: ASCIIByte.lowercased(word[index]), toByteOffset: Self.wordOffset + index, as: UInt8.self) }
        base.storeBytes(of: UInt8(word.count), toByteOffset: Self.lengthOffset, as: UInt8.self)
        count += 1
    }

    /// True when the word of `slot` is `word` lowercased, byte for byte.
    @inline(__always)
    private func isLowercased(_ word: UnsafeBufferPointer<UInt8>, slot: Int) -> Bool {
        let base = slots + slot &* Self.slotSize
        guard Int(base.load(fromByteOffset: Self.lengthOffset, as: UInt8.self)) == word.count else { return false }
        for index in 0..<word.count
        where ASCIIByte.lowercased(word[index]) != base.load(fromByteOffset: Self.wordOffset &+ index, as: UInt8.self) {
            return false
        }
        return true
    }
}
