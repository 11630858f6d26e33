import LocatedDocument

/// One thing wrong with a profile's sources, pointing at `file:line:column` like a compiler error.
public struct SourceProblem: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The file did not load; its sources cannot be listed.
        case invalidFile = "invalid_file"
        /// A content layer the profile uses that no source supports.
        case unsourcedLayer = "unsourced_layer"
        /// A source supporting only layers the profile does not use.
        case unusedSource = "unused_source"
        /// Two sources of one profile with the same URL, once normalised.
        case duplicateURL = "duplicate_url"
        /// A `retrieved` date after today.
        case futureRetrievedDate = "future_retrieved_date"
        /// `--check`: 4xx/5xx, timeout, DNS or connection failure, too many redirects.
        case deadLink = "dead_link"
        /// `--check`: not requested, because of its scheme or the address it resolves to.
        case refusedLink = "refused_link"
    }

    public var file: String
    public var location: SourceLocation
    public var kind: Kind
    public var message: String

    public init(file: String, location: SourceLocation, kind: Kind, message: String) {
        self.file = file
        self.location = location
        self.kind = kind
        self.message = message
    }

    /// By file, position, kind, then message: the same input always prints in the same order.
    public static func sorted(_ problems: [SourceProblem]) -> [SourceProblem] {
        problems.sorted { lhs, rhs in
            if lhs.file != rhs.file { return lhs.file < rhs.file }
            if lhs.location != rhs.location { return lhs.location < rhs.location }
            if lhs.kind != rhs.kind { return lhs.kind.rawValue < rhs.kind.rawValue }
            return lhs.message < rhs.message
        }
    }
}
