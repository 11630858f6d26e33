/// Positions inside a string, counted in Unicode scalars like ``SourceLocation`` columns elsewhere
/// in the project, so a finding can point inside a scalar value.
public enum TextLocation {
    /// The 0-based offset of `index` from the start of its line, in Unicode scalars. Lines end at
    /// "\n", "\r\n" or "\r". For single-line text this is the offset from the start of the text;
    /// add it to the 1-based column where the text starts in its file.
    public static func column(of index: String.Index, in text: String) -> Int {
        position(of: index, in: text).column
    }

    /// The 0-based offset of `index` from the start of `text`, in Unicode scalars.
    public static func scalarOffset(of index: String.Index, in text: String) -> Int {
        text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: clamp(index, in: text))
    }

    /// The 0-based line (number of line breaks before `index`) and the 0-based column on that line,
    /// both counted in Unicode scalars.
    public static func position(of index: String.Index, in text: String) -> (line: Int, column: Int) {
        let scalars = text.unicodeScalars
        let target = clamp(index, in: text)
        var line = 0
        var column = 0
        var i = scalars.startIndex
        while i < target {
            let scalar = scalars[i]
            i = scalars.index(after: i)
            if scalar == "\n" {
                line += 1
                column = 0
            } else if scalar == "\r" {
                if i < target, scalars[i] == "\n" { i = scalars.index(after: i) }
                line += 1
                column = 0
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    /// Keeps `index` within `text`; indices should come from `text` (e.g. a token's range).
    private static func clamp(_ index: String.Index, in text: String) -> String.Index {
        min(max(index, text.startIndex), text.endIndex)
    }
}
