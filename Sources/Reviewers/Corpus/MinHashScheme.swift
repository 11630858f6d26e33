/// MinHash over word shingles: how a bullet becomes a fixed-length signature whose agreement with
/// another bullet's estimates the Jaccard similarity of their shingle sets, and how signatures are
/// cut into bands for locality-sensitive hashing.
///
/// Words are maximal runs of letters and digits, lowercased; a shingle is `shingleWords`
/// consecutive words (a shorter bullet is one shingle). Each shingle is hashed once (FNV-1a over
/// the word hashes, then the SplitMix64 finaliser) and rehashed per signature slot by a
/// multiply-shift function with a fixed odd multiplier, so the scheme needs no random state and
/// every run, on every machine, computes the same signatures.
public struct MinHashScheme: Sendable, Equatable, Hashable {
    public var shingleWords: Int
    public var bands: Int
    public var rows: Int

    /// Signature slots: `bands × rows`.
    public var length: Int { bands * rows }

    public init(shingleWords: Int, bands: Int, rows: Int) {
        self.shingleWords = min(max(shingleWords, 1), 16)
        self.bands = min(max(bands, 1), 64)
        self.rows = min(max(rows, 1), 16)
    }

    /// The signature of one text: `length` minima, or nil when the text has no word at all.
    public func signature(of text: String) -> [UInt32]? {
        let words = Self.wordHashes(text)
        guard !words.isEmpty else { return nil }
        var minima = [UInt32](repeating: .max, count: length)
        let width = min(shingleWords, words.count)
        minima.withUnsafeMutableBufferPointer { slots in
            Self.multipliers.withUnsafeBufferPointer { multipliers in
                Self.increments.withUnsafeBufferPointer { increments in
                    for start in 0...(words.count - width) {
                        var shingle: UInt64 = 0xcbf2_9ce4_8422_2325
                        for word in words[start..<(start + width)] {
                            shingle = (shingle ^ word) &* 0x0000_0100_0000_01b3
                        }
                        let hashed = Self.mix(shingle)
                        // Slot i hashes the shingle with its own multiply-shift function (odd multiplier).
                        for slot in 0..<slots.count {
                            let value = UInt32(truncatingIfNeeded: (hashed &* multipliers[slot] &+ increments[slot]) >> 32)
                            if value < slots[slot] { slots[slot] = value }
                        }
                    }
                }
            }
        }
        return minima
    }

    /// The estimated Jaccard similarity of two signatures of this scheme: the share of equal slots.
    public static func similarity(_ lhs: UnsafeBufferPointer<UInt32>, _ rhs: UnsafeBufferPointer<UInt32>) -> Double {
        guard lhs.count == rhs.count, !lhs.isEmpty else { return 0 }
        var equal = 0
        for index in 0..<lhs.count where lhs[index] == rhs[index] { equal += 1 }
        return Double(equal) / Double(lhs.count)
    }

    /// The bucket key of band `band` of a signature.
    func bandKey(_ signature: UnsafeBufferPointer<UInt32>, band: Int) -> UInt64 {
        var key = Self.mix(UInt64(band) &+ 0x9e37_79b9_7f4a_7c15)
        for row in 0..<rows {
            key = Self.mix(key ^ UInt64(signature[band * rows + row]))
        }
        return key
    }

    /// 64-bit FNV-1a of each lowercased word (letters and digits); ASCII without table look-ups.
    static func wordHashes(_ text: String) -> [UInt64] {
        var hasher = WordHasher()
        // Room for a word every five bytes (a bullet of the benchmark corpus has a word every 6.7):
        // the hashes of a bullet are then stored without regrowing the array.
        hasher.hashes.reserveCapacity(text.utf8.count / 5 + 1)
        var text = text
        // All-ASCII text (most bullets) is read as bytes, its scalars, with no decoding.
        let readAsBytes: Bool = text.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
            for byte in bytes { hasher.addASCII(UInt32(byte)) }
            return true
        }
        if !readAsBytes {
            for scalar in text.unicodeScalars {
                if scalar.value < 0x80 {
                    hasher.addASCII(scalar.value)
                } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars { hasher.add(lower.value) }
                } else {
                    hasher.separate()
                }
            }
        }
        hasher.separate()
        return hasher.hashes
    }

    /// The state of ``wordHashes(_:)``: the hashes of the words ended so far and of the one being read.
    private struct WordHasher {
        var hashes: [UInt64] = []
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var inWord = false

        /// A word scalar's value, byte by byte.
        @inline(__always)
        mutating func add(_ value: UInt32) {
            var rest = value
            repeat {
                hash = (hash ^ UInt64(rest & 0xff)) &* 0x0000_0100_0000_01b3
                rest >>= 8
            } while rest != 0
            inWord = true
        }

        /// A separator: ends the word being read, if any.
        @inline(__always)
        mutating func separate() {
            guard inWord else { return }
            hashes.append(hash)
            hash = 0xcbf2_9ce4_8422_2325
            inWord = false
        }

        /// An ASCII scalar: a digit or a lowercased letter is word content, anything else separates.
        @inline(__always)
        mutating func addASCII(_ value: UInt32) {
            if value &- 0x61 < 26 || value &- 0x30 < 10 {
                add(value)
            } else if value &- 0x41 < 26 {
                add(value + 0x20)
            } else {
                separate()
            }
        }
    }

    static func mix(_ input: UInt64) -> UInt64 {
        var z = input &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// One fixed multiply-shift hash per slot (64 bands × 16 rows at most).
    private static let multipliers: [UInt64] = (0..<(64 * 16)).map { mix(UInt64($0) &* 0xd1b5_4a32_d192_ed03) | 1 }
    private static let increments: [UInt64] = (0..<(64 * 16)).map { mix(UInt64($0) &+ 0x2545_f491_4f6c_dd1d) }
}
