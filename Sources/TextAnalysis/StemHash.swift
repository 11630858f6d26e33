/// A 64-bit FNV-1a hash of a stem's UTF-8 bytes, computed once per token so phrase sets can look a
/// token up without hashing its string again (Swift's `Hasher` is SipHash, ~10× the cost). Only a
/// lookup shortcut: a hash hit is confirmed by comparing the strings.
public enum StemHash {
    @inline(__always)
    public static func of(_ stem: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in stem.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
        }
        return hash
    }
}
