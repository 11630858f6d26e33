import Foundation
import LocatedDocument
import ProfileModel

/// Expands the paths a user gives into the files to check, in a deterministic order.
///
/// Directories are searched recursively for `*.yaml`, `*.yml` and `*.json`, skipping hidden entries
/// (`.git`, `.review-cache`). A named file is taken whatever its extension. Symlinks are followed
/// only while they stay inside the repository that holds the path (the nearest directory with a
/// `.git`, else the working directory): a profile in a pull request must not make the tool read
/// `/etc/passwd` or loop forever.
public struct ProfileDiscovery: Sendable {
    public var workingDirectory: String
    /// Deepest directory nesting searched below a given path.
    public var maxDirectoryDepth = 32

    public init(workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.workingDirectory = FileSystemPath.resolved(workingDirectory) ?? workingDirectory
    }

    public func discover(_ paths: [String]) throws(ConfigurationError) -> [DiscoveredFile] {
        var found: [String: DiscoveredFile] = [:]
        for path in paths {
            let absolute = FileSystemPath.absolute(path, from: workingDirectory)
            if case .missing = FileSystemPath.kind(of: absolute) {
                throw ConfigurationError("no such file or directory: \(path)", hint: "check the path, or run from the repository root")
            }
            var walk = Walk(discovery: self, boundary: boundary(for: absolute), found: found)
            walk.collect(absolute, named: true, depth: 0)
            found = walk.found
        }
        return found.values.sorted { $0.displayPath < $1.displayPath }
    }

    /// A path as discovered files name it (`DiscoveredFile.displayPath`): relative to the working
    /// directory when inside it. Used for rubric files that findings point at.
    public func displayPath(of path: String) -> String {
        FileSystemPath.display(FileSystemPath.absolute(path, from: workingDirectory), relativeTo: workingDirectory)
    }

    /// The canonical directory that every file reached from `absolute` must stay inside.
    private func boundary(for absolute: String) -> String {
        let root = FileSystemPath.repositoryRoot(containing: absolute)
            ?? (FileSystemPath.isInside(absolute, workingDirectory) ? workingDirectory : nil)
            ?? (absolute as NSString).deletingLastPathComponent
        return FileSystemPath.resolved(root) ?? root
    }

    /// One walk from one named path: what has been found and which directories were entered.
    private struct Walk {
        let discovery: ProfileDiscovery
        let boundary: String
        var found: [String: DiscoveredFile]
        var visited: Set<String> = []

        mutating func reject(_ path: String, _ code: String, _ message: String, hint: String? = nil) {
            let display = FileSystemPath.display(path, relativeTo: discovery.workingDirectory)
            let problem = Diagnostic(file: display, location: .startOfFile, code: code, message: message, hint: hint)
            found[path] = DiscoveredFile(displayPath: display, resolvedPath: path, problem: problem)
        }

        mutating func accept(_ path: String, resolved: String) {
            let display = FileSystemPath.display(path, relativeTo: discovery.workingDirectory)
            found[path] = DiscoveredFile(displayPath: display, resolvedPath: resolved)
        }

        /// - Parameter canonical: for an entry of a listed directory, the directory's resolved path
        ///   plus the entry's name: a regular file there (not a link) resolves to exactly that, without
        ///   realpath's readlink on every component (which dominated discovery of large corpora).
        /// - Parameter known: the kind the directory listing already told (nil: ask the file system).
        mutating func collect(_ path: String, named: Bool, depth: Int, canonical listed: String? = nil, known: FileSystemPath.Kind? = nil) {
            switch known ?? FileSystemPath.kind(of: path) {
            case .file:
                guard named || discovery.isDiscoverable(path) else { return }
                let resolved = listed ?? FileSystemPath.resolved(path) ?? path
                if FileSystemPath.isInside(resolved, boundary) {
                    accept(path, resolved: resolved)
                } else {
                    reject(path, "outside_repository", "file resolves to \(resolved), outside the repository \(boundary)")
                }
            case .directory:
                guard let canonical = FileSystemPath.resolved(path), visited.insert(canonical).inserted,
                      depth < discovery.maxDirectoryDepth else { return }
                for entry in FileSystemPath.entries(of: path) ?? [] where !entry.name.hasPrefix(".") {
                    collect(path + "/" + entry.name, named: false, depth: depth + 1, canonical: canonical + "/" + entry.name, known: entry.kind)
                }
            case .symlink:
                followSymlink(path, named: named, depth: depth)
            case .other:
                if named { reject(path, "not_a_regular_file", "not a regular file or directory") }
            case .missing:
                return
            }
        }

        private mutating func followSymlink(_ path: String, named: Bool, depth: Int) {
            guard let target = FileSystemPath.resolved(path) else {
                if named || discovery.isDiscoverable(path) {
                    reject(path, "broken_symlink", "symlink points to a file that does not exist",
                           hint: "remove the link or restore its target")
                }
                return
            }
            let inside = FileSystemPath.isInside(target, boundary)
            switch FileSystemPath.targetKind(of: target) {
            case .file:
                guard named || discovery.isDiscoverable(path) else { return }
                if inside {
                    accept(path, resolved: target)
                } else {
                    reject(path, "symlink_outside_repository", "symlink points outside the repository (to \(target))",
                           hint: "profiles must be regular files inside the repository; replace the link with the file")
                }
            case .directory:
                if inside {
                    collect(target, named: false, depth: depth)
                } else if named {
                    reject(path, "symlink_outside_repository", "symlink points outside the repository (to \(target))")
                }
            default:
                if named { reject(path, "not_a_regular_file", "symlink target is not a regular file or directory") }
            }
        }
    }

    fileprivate func isDiscoverable(_ path: String) -> Bool {
        DocumentFormat.discoverableExtensions.contains(DocumentFormat.pathExtension(of: path))
    }
}
