/// ASCII case on single bytes, for the byte-level fast paths over all-ASCII text.
public enum ASCIIByte {
    /// A–Z to a–z, every other byte as it is: what `lowercased()` does to ASCII text, which has no
    /// other case mapping.
    @inlinable
    public static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }
}
