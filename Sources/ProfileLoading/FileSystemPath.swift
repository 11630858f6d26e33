import Foundation

/// Small, symlink-aware path helpers over POSIX calls, so discovery can tell what a link really
/// points at before anything is read.
enum FileSystemPath {
    enum Kind {
        /// `size` is nil when a directory listing told the kind and nothing asked for the size.
        case file(size: Int?)
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
    /// Compared as UTF-8 bytes: paths are byte strings to the file system (and Character-wise
    /// comparison of 10,000 paths cost more than listing them).
    static func isInside(_ path: String, _ directory: String) -> Bool {
        insidePrefixLength(path, directory) != nil
    }

    /// The bytes of `path` that name `directory` and the separator after it, when `path` is inside it.
    private static func insidePrefixLength(_ path: String, _ directory: String) -> Int? {
        let pathBytes = path.utf8
        let directoryBytes = directory.utf8
        guard pathBytes.starts(with: directoryBytes) else { return nil }
        if pathBytes.count == directoryBytes.count { return directoryBytes.count }
        if directoryBytes.last == UInt8(ascii: "/") { return directoryBytes.count }
        return pathBytes[pathBytes.index(pathBytes.startIndex, offsetBy: directoryBytes.count)] == UInt8(ascii: "/") ? directoryBytes.count + 1 : nil
    }

    /// `path` relative to `directory` when it lies inside it, else `path` unchanged.
    static func display(_ path: String, relativeTo directory: String) -> String {
        guard path != directory, let prefix = insidePrefixLength(path, directory) else { return path }
        return String(decoding: path.utf8.dropFirst(prefix), as: UTF8.self)
    }

    /// The entries of a directory (hidden ones included), each with its kind when the directory
    /// entry tells it (no `lstat` per entry), sorted by name; nil when it cannot be read.
    static func entries(of directory: String) -> [(name: String, kind: Kind?)]? {
        guard let stream = opendir(directory) else { return nil }
        defer { closedir(stream) }
        var entries: [(name: String, kind: Kind?)] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) { String(cString: $0) }
            }
            guard name != ".", name != ".." else { continue }
            let kind: Kind?
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): kind = .file(size: nil)
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_LNK): kind = .symlink
            default: kind = nil   // the file system does not say: lstat tells
            }
            entries.append((name, kind))
        }
        return entries.sorted { $0.name < $1.name }
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
