/// The bytes of a word being stemmed, in caller-provided (stack) storage: ``Stemmer`` copies the
/// word in once and then only shortens or rewrites it, so a fixed capacity and a count are all it
/// needs, and no `Array` is allocated per word.
struct StemBuffer {
    private let storage: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    /// The buffer holding `word`'s UTF-8 bytes; `storage` must have room for all of them.
    init(_ storage: UnsafeMutableBufferPointer<UInt8>, copying word: String) {
        self.storage = storage
        var word = word
        word.withUTF8 { bytes in
            precondition(bytes.count <= storage.count, "StemBuffer too small")
            _ = storage.initialize(fromContentsOf: bytes)
            count = bytes.count
        }
    }

    /// The word as it stands; valid while the storage is.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: storage[0..<count]) }

    var last: UInt8? { count > 0 ? storage[count - 1] : nil }

    subscript(index: Int) -> UInt8 {
        get { storage[index] }
        set { storage[index] = newValue }
    }

    /// Appends within the capacity (a rewrite such as `ies` → `y` removes bytes first).
    mutating func append(_ byte: UInt8) {
        precondition(count < storage.count, "StemBuffer overflow")
        storage[count] = byte
        count += 1
    }

    mutating func removeLast(_ k: Int = 1) {
        precondition(k <= count)
        count -= k
    }

    func contains(where predicate: (UInt8) -> Bool) -> Bool {
        bytes.contains(where: predicate)
    }

    func hasSuffix(_ suffix: StaticString) -> Bool {
        let length = suffix.utf8CodeUnitCount
        guard count >= length else { return false }
        return suffix.withUTF8Buffer { suffixBytes in
            var index = count - length
            for byte in suffixBytes {
                if storage[index] != byte { return false }
                index += 1
            }
            return true
        }
    }
}
