import LocatedDocument
import ProfileModel

/// A file found by discovery, ready to be read — or already known to be unreadable.
public struct DiscoveredFile: Sendable, Equatable {
    /// The path as reports show it: relative to the working directory when inside it.
    public var displayPath: String
    /// The canonical path of the bytes to read (symlinks resolved).
    public var resolvedPath: String
    /// Why the file must not be read (for example a symlink that leaves the repository).
    public var problem: Diagnostic?

    public init(displayPath: String, resolvedPath: String, problem: Diagnostic? = nil) {
        self.displayPath = displayPath
        self.resolvedPath = resolvedPath
        self.problem = problem
    }
}
