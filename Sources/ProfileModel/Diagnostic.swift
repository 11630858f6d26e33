import LocatedDocument

/// One problem with one input file: where it is, what rule or check produced it, and what to do.
///
/// Loader errors (bad YAML, limits, schema violations, inconsistencies) are all diagnostics, so one
/// bad file never stops the others and every reporter prints them the same way.
public struct Diagnostic: Error, Sendable, Equatable {
    /// The file as the user named it (relative to the working directory when inside it).
    public var file: String
    public var location: SourceLocation
    /// The JSON pointer of the node concerned, when there is one.
    public var pointer: JSONPointer?
    /// What found it: a schema keyword (`pattern`), or a loader check (`duplicate_key`, `unknown_track`).
    public var code: String
    public var message: String
    public var hint: String?

    public init(
        file: String, location: SourceLocation, pointer: JSONPointer? = nil, code: String, message: String,
        hint: String? = nil
    ) {
        self.file = file
        self.location = location
        self.pointer = pointer
        self.code = code
        self.message = message
        self.hint = hint
    }

    /// Diagnostics in reading order: by file, position, pointer, then code.
    public static func sortedForOutput(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted { lhs, rhs in
            if lhs.file != rhs.file { return lhs.file < rhs.file }
            if lhs.location != rhs.location { return lhs.location < rhs.location }
            let lhsPointer = lhs.pointer ?? .root
            let rhsPointer = rhs.pointer ?? .root
            if lhsPointer != rhsPointer { return lhsPointer < rhsPointer }
            if lhs.code != rhs.code { return lhs.code < rhs.code }
            return lhs.message < rhs.message
        }
    }
}
