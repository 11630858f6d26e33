import Foundation

/// Small, symlink-aware path helpers over POSIX calls, so discovery can tell what a link really
/// points at before anything is read.
enum FileSystemPath {
    enum Kind {
        case file(size: Int)
        case directory
        case symlink
        case other
        case missing
    }

    /// What is at `path` itself, without following a final symlink.
    static func kind(of path: String) -> Kind {
        var status = stat()
        guard lstat(path, &status) == 0 else { return .missing }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file(size: Int(status.st_size))
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// What `path` points at after following every symlink.
    static func targetKind(of path: String) -> Kind {
        var status = stat()
        guard stat(path, &status) == 0 else { return .missing }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file(size: Int(status.st_size))
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// The canonical absolute path with every symlink resolved; nil when it does not exist.
    static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    static func absolute(_ path: String, from directory: String) -> String {
        let joined = path.hasPrefix("/") ? path : directory + "/" + path
        return (joined as NSString).standardizingPath
    }

    /// True when `path` is `directory` or inside it (both canonical).
    static func isInside(_ path: String, _ directory: String) -> Bool {
        path == directory || path.hasPrefix(directory.hasSuffix("/") ? directory : directory + "/")
    }

    /// `path` relative to `directory` when it lies inside it, else `path` unchanged.
    static func display(_ path: String, relativeTo directory: String) -> String {
        guard isInside(path, directory), path != directory else { return path }
        let prefixLength = directory.hasSuffix("/") ? directory.count : directory.count + 1
        return String(path.dropFirst(prefixLength))
    }

    /// The nearest enclosing directory (or `path` itself) that holds a `.git` entry.
    static func repositoryRoot(containing path: String) -> String? {
        var candidate = path
        while true {
            if case .missing = kind(of: candidate + "/.git") {} else { return candidate }
            guard candidate != "/", !candidate.isEmpty else { return nil }
            candidate = (candidate as NSString).deletingLastPathComponent
        }
    }
}
