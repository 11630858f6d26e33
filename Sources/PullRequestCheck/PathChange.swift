/// One path that differs between the base and the checked-out tree, as `git diff --name-status`
/// reports it. Paths are relative to the repository's top level, with `/` separators.
public struct PathChange: Sendable, Equatable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case added
        case modified
        case deleted
        case renamed
        case copied
        /// The kind of file changed (e.g. a regular file became a symlink).
        case typeChanged = "type_changed"
        /// A file git does not track yet (only when working-tree changes are included).
        case untracked
    }

    public var status: Status
    public var path: String
    /// The old path of a rename or copy.
    public var previousPath: String?

    public init(status: Status, path: String, previousPath: String? = nil) {
        (self.status, self.path, self.previousPath) = (status, path, previousPath)
    }

    /// Every path the change touches (both sides of a rename).
    public var touchedPaths: [String] { [previousPath, path].compactMap { $0 } }
}
