import Foundation
import ProfileLoading

/// A git-style stat fingerprint of a file: size, modification and change times in nanoseconds,
/// inode and device. Equal fingerprints are taken as a hint that the bytes did not change — only
/// when the modification time is older than the moment the cache that recorded it began its scan
/// (otherwise the file is "racy": it may have changed within the clock's resolution).
struct FileFingerprint: Sendable, Equatable {
    var size: Int64
    var modifiedNanoseconds: Int64
    var changedNanoseconds: Int64
    var inode: UInt64
    var device: UInt64

    init(size: Int64, modifiedNanoseconds: Int64, changedNanoseconds: Int64, inode: UInt64, device: UInt64) {
        (self.size, self.modifiedNanoseconds, self.changedNanoseconds) = (size, modifiedNanoseconds, changedNanoseconds)
        (self.inode, self.device) = (inode, device)
    }

    /// The fingerprint of the file at `path` (following symlinks), nil when it cannot be stat'ed.
    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        self.init(status)
    }

    /// The fingerprints of the files at `paths` (absolute, following symlinks), in the same order.
    /// Each run of paths in one directory is stat'ed relative to that directory, opened once, so
    /// the kernel walks one path component per file instead of the whole path (on a 10,000-file
    /// corpus the path walks were two fifths of `check`'s corpus-index step in `perf` samples).
    static func of(_ paths: [String]) -> [FileFingerprint?] {
        var runs: [Range<Int>] = []
        var start = 0
        while start < paths.count {
            let directory = split(paths[start]).directory
            var end = start + 1
            while end < paths.count, split(paths[end]).directory == directory { end += 1 }
            runs.append(start..<end)
            start = end
        }
        return runs.parallelMap { run -> [FileFingerprint?] in
            let directory = split(paths[run.lowerBound]).directory
            let descriptor = directory.isEmpty ? -1 : open(String(directory), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { return paths[run].map { FileFingerprint(path: $0) } }
            defer { close(descriptor) }
            return paths[run].map { path in
                var status = stat()
                guard fstatat(descriptor, String(split(path).name), &status, 0) == 0 else { return nil }
                return FileFingerprint(status)
            }
        }.flatMap { $0 }
    }

    /// An absolute path's directory and last component; the directory is "" for a path with no `/`
    /// past its first byte (such a path is stat'ed whole).
    private static func split(_ path: String) -> (directory: Substring, name: Substring) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.utf8.startIndex else { return ("", path[...]) }
        return (path[..<slash], path[path.utf8.index(after: slash)...])
    }

    private init(_ status: stat) {
        size = Int64(status.st_size)
        #if os(Linux)
        modifiedNanoseconds = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        changedNanoseconds = Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec)
        #else
        modifiedNanoseconds = Int64(status.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(status.st_mtimespec.tv_nsec)
        changedNanoseconds = Int64(status.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(status.st_ctimespec.tv_nsec)
        #endif
        inode = UInt64(status.st_ino)
        device = UInt64(status.st_dev)
    }

    /// Wall-clock time now, in the same nanoseconds as file times.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
