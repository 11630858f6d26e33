/// The hash of a stem, computed once per token so phrase sets and term sets can look a token up
/// without hashing its string again for every lookup. It is Swift's own `String` hash, so strings
/// that are equal (`==` compares canonically equivalent text as equal: precomposed "naïve" and
/// "nai\u{308}ve") hash equally; a byte hash would not. Seeded per process: use it only for
/// in-memory tables, never in output. A hash hit is always confirmed by comparing the strings.
public enum StemHash {
    @inline(__always)
    public static func of(_ stem: String) -> UInt64 {
        UInt64(bitPattern: Int64(stem.hashValue))
    }
}
