/// The text of the sticky comment: the hidden marker that finds it again, then the Markdown, cut to
/// GitHub's limit with a visible note when it is too long.
public enum StickyCommentBody {
    /// GitHub rejects comment bodies over 65,536 characters (HTTP 422, "body is too long").
    public static let maxCharacters = 65_536

    /// `markdown` with `marker` on the first line (unless it already holds it), at most
    /// `maxCharacters` Unicode scalars long (a safe reading of GitHub's "characters").
    public static func compose(markdown: String, marker: String) -> String {
        let full = markdown.contains(marker) ? markdown : marker + "\n" + markdown
        let length = full.unicodeScalars.count
        guard length > maxCharacters else { return full }
        let note = "\n\n---\n> **Truncated:** this report is \(length) characters long, over GitHub's "
            + "\(maxCharacters)-character comment limit. The full report is in the job summary and the job's report files.\n"
        let room = maxCharacters - note.unicodeScalars.count
        var kept = String.UnicodeScalarView(full.unicodeScalars.prefix(room))
        // End on a whole line when one ends reasonably close, so no table row is cut in half.
        if let lastNewline = kept.lastIndex(of: "\n"), kept.distance(from: lastNewline, to: kept.endIndex) < 4_096 {
            kept = String.UnicodeScalarView(kept[..<lastNewline])
        }
        return String(kept) + note
    }
}
