/// Where a reader walking a UTF-8 buffer forward is, line-wise: the current line, the offset where
/// it starts, and the column of the last offset asked for on it. Locations on a line are counted on
/// from the last one, so a long line of many nodes (a flow sequence of thousands of items on one
/// line) costs its length once, not once per node. Columns count Unicode scalars: continuation
/// bytes (10xxxxxx) do not start one.
struct LineCursor {
    /// The current line, 1-based.
    private(set) var line = 1
    /// The byte offset where the current line starts.
    private(set) var lineStart: Int
    /// The column of byte offset `cachedOffset` on the current line.
    private var cachedOffset: Int
    private var cachedColumn = 1

    /// - Parameter lineStart: where the first line's first column is (after a byte order mark).
    init(lineStart: Int = 0) {
        self.lineStart = lineStart
        self.cachedOffset = lineStart
    }

    /// A new line starts at `offset` (the byte after a line feed).
    @inline(__always)
    mutating func startLine(at offset: Int) {
        line += 1
        lineStart = offset
        cachedOffset = offset
        cachedColumn = 1
    }

    /// The 1-based location of byte `offset` of the current line of `bytes`.
    mutating func location(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        if offset < cachedOffset {
            cachedOffset = lineStart
            cachedColumn = 1
        }
        var column = cachedColumn
        var index = cachedOffset
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        cachedOffset = offset
        cachedColumn = column
        return SourceLocation(line: line, column: column)
    }
}
