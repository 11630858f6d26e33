/// The form two URLs are compared in to decide they cite the same page: lowercased, without
/// scheme, `www.`, fragment or trailing slashes. Shared by the `unused_source` rule and the
/// `sources` command, so they never disagree on what a duplicate is.
public enum SourceURLKey {
    public static func normalised(_ url: String) -> String {
        var text = Substring(url.lowercased())
        for scheme in ["https://", "http://"] where text.hasPrefix(scheme) { text = text.dropFirst(scheme.count) }
        if text.hasPrefix("www.") { text = text.dropFirst(4) }
        if let hash = text.firstIndex(of: "#") { text = text[..<hash] }
        while text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }
}
