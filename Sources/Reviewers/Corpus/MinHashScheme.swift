/// MinHash over word shingles: how a bullet becomes a fixed-length signature whose agreement with
/// another bullet's estimates the Jaccard similarity of their shingle sets, and how signatures are
/// cut into bands for locality-sensitive hashing.
///
/// Words are maximal runs of letters and digits, lowercased; a shingle is `shingleWords`
/// consecutive words (a shorter bullet is one shingle). Each shingle is hashed once (FNV-1a, 64
/// bit) and remixed with one seed per signature slot (the SplitMix64 finaliser), so the scheme
/// needs no random state and every run, on every machine, computes the same signatures.
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
            for start in 0...(words.count - width) {
                var shingle: UInt64 = 0xcbf2_9ce4_8422_2325
                for word in words[start..<(start + width)] {
                    shingle = (shingle ^ word) &* 0x0000_0100_0000_01b3
                }
                for slot in 0..<slots.count {
                    let value = UInt32(truncatingIfNeeded: Self.mix(shingle &+ Self.seeds[slot]) >> 32)
                    if value < slots[slot] { slots[slot] = value }
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

    /// 64-bit FNV-1a of each lowercased word (letters and digits).
    static func wordHashes(_ text: String) -> [UInt64] {
        var hashes: [UInt64] = []
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var inWord = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                    var value = lower.value
                    while true {
                        hash = (hash ^ UInt64(value & 0xff)) &* 0x0000_0100_0000_01b3
                        value >>= 8
                        if value == 0 { break }
                    }
                }
                inWord = true
            } else if inWord {
                hashes.append(hash)
                hash = 0xcbf2_9ce4_8422_2325
                inWord = false
            }
        }
        if inWord { hashes.append(hash) }
        return hashes
    }

    static func mix(_ input: UInt64) -> UInt64 {
        var z = input &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// One fixed seed per slot (16 bands × 16 rows at most).
    private static let seeds: [UInt64] = (0..<(64 * 16)).map { mix(UInt64($0) &* 0xd1b5_4a32_d192_ed03) }
}
