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

    // Plain allocations rather than arrays in stored properties: every lookup would otherwise pay a
    // dynamic exclusivity check on the class's properties. A slot is empty when its key is 0 (a
    // word's key is never 0, see `key(ofLowercased:)`); only the entries of full slots are initialised.
    private let keys: UnsafeMutablePointer<UInt64>
    private let entries: UnsafeMutablePointer<Entry>
    /// Each slot's word lowercased, `maxWordLength` bytes a slot, and its length: what a look-up
    /// compares (reading the entry's string instead would retain and release it for every token).
    private let words: UnsafeMutablePointer<UInt8>
    private let lengths: UnsafeMutablePointer<UInt8>
    private let size = WordCache.capacity * 2
    private var count = 0

    init() {
        keys = .allocate(capacity: size)
        keys.initialize(repeating: 0, count: size)
        entries = .allocate(capacity: size)
        words = .allocate(capacity: size * Self.maxWordLength)
        lengths = .allocate(capacity: size)
    }

    deinit {
        empty()
        keys.deallocate()
        entries.deallocate()
        words.deallocate()
        lengths.deallocate()
    }

    private func empty() {
        for index in 0..<size where keys[index] != 0 {
            (entries + index).deinitialize(count: 1)
            keys[index] = 0
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
        while keys[slot] != 0 {
            if keys[slot] == key, isLowercased(word, slot: slot) { return UnsafePointer(entries + slot) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Caches `entry` for `word` (the ASCII bytes it was made from, any case); a word longer than
    /// `maxWordLength` is not cached.
    func insert(_ entry: Entry, word: UnsafeBufferPointer<UInt8>, key: UInt64) {
        guard word.count <= Self.maxWordLength else { return }
        if count >= Self.capacity { empty() }
        var slot = Int(truncatingIfNeeded: key) & mask
        while keys[slot] != 0 { slot = (slot + 1) & mask }
        keys[slot] = key
        (entries + slot).initialize(to: entry)
        let stored = words + slot * Self.maxWordLength
        for index in 0..<word.count { stored[index] = ASCIIByte.lowercased(word[index]) }
        lengths[slot] = UInt8(word.count)
        count += 1
    }

    /// True when the word of `slot` is `word` lowercased, byte for byte.
    @inline(__always)
    private func isLowercased(_ word: UnsafeBufferPointer<UInt8>, slot: Int) -> Bool {
        guard Int(lengths[slot]) == word.count else { return false }
        let stored = words + slot * Self.maxWordLength
        for index in 0..<word.count where ASCIIByte.lowercased(word[index]) != stored[index] { return false }
        return true
    }
}
