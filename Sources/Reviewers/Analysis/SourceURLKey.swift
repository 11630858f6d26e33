import TextAnalysis

/// The form two URLs are compared in to decide they cite the same page: lowercased, without
/// scheme, `www.`, fragment or trailing slashes. Shared by the `unused_source` rule and the
/// `sources` command, so they never disagree on what a duplicate is.
public enum SourceURLKey {
    public static func normalised(_ url: String) -> String {
        var url = url
        return url.withUTF8 { asciiKey($0) } ?? generalKey(url)
    }

    /// The key by String's Unicode-aware operations, for any URL.
    static func generalKey(_ url: String) -> String {
        var text = Substring(url.lowercased())
        for scheme in ["https://", "http://"] where text.hasPrefix(scheme) { text = text.dropFirst(scheme.count) }
        if text.hasPrefix("www.") { text = text.dropFirst(4) }
        if let hash = text.firstIndex(of: "#") { text = text[..<hash] }
        while text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }

    /// The key of an all-ASCII URL, worked out on its bytes (through String's prefix and suffix
    /// tests, which compare Unicode scalars with normalisation checks, a key cost about 28,500
    /// instructions, against 1,900 here); nil for any other URL, which takes ``generalKey(_:)``.
    /// Both give the same key for ASCII text.
    private static func asciiKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        func hasPrefix(_ prefix: StaticString, at start: Int) -> Bool {
            let count = prefix.utf8CodeUnitCount
            guard bytes.count - start >= count else { return false }
            for offset in 0..<count where ASCIIByte.lowercased(bytes[start + offset]) != prefix.utf8Start[offset] { return false }
            return true
        }
        var start = 0
        // As the general path: "https://" is dropped, then "http://" (so both, when both lead).
        if hasPrefix("https://", at: start) { start += 8 }
        if hasPrefix("http://", at: start) { start += 7 }
        if hasPrefix("www.", at: start) { start += 4 }
        var end = bytes[start...].firstIndex(of: UInt8(ascii: "#")) ?? bytes.count
        while end > start && bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
        return String(unsafeUninitializedCapacity: end - start) { buffer in
            for offset in 0..<(end - start) { buffer[offset] = ASCIIByte.lowercased(bytes[start + offset]) }
            return end - start
        }
    }
}
