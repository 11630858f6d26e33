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

    /// The fingerprints of the files at `paths` (following symlinks), in the same order. Paths in
    /// one directory are stat'ed relative to that directory, opened once for each run of them, so
    /// the kernel walks one path component per file instead of the whole path (on a 10,000-file
    /// corpus the path walks were two fifths of `check`'s corpus-index step in `perf` samples).
    /// Chunks of paths are stat'ed in parallel.
    static func of(_ paths: [String]) -> [FileFingerprint?] {
        let chunk = 256
        return Array(stride(from: 0, to: paths.count, by: chunk)).parallelMap { start -> [FileFingerprint?] in
            var fingerprints: [FileFingerprint?] = []
            fingerprints.reserveCapacity(chunk)
            var directory: Substring?
            var descriptor: Int32 = -1
            defer { if descriptor >= 0 { close(descriptor) } }
            for path in paths[start..<min(start + chunk, paths.count)] {
                guard let slash = lastSlash(path), slash > 0 else {
                    fingerprints.append(FileFingerprint(path: path))
                    continue
                }
                let parent = path.utf8[..<path.utf8.index(path.utf8.startIndex, offsetBy: slash)]
                if directory.map({ $0.utf8.elementsEqual(parent) }) != true {
                    if descriptor >= 0 { close(descriptor) }
                    directory = Substring(parent)
                    descriptor = open(String(Substring(parent)), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                }
                guard descriptor >= 0 else {
                    fingerprints.append(FileFingerprint(path: path))
                    continue
                }
                var status = stat()
                let found = path.withCString { fstatat(descriptor, $0 + slash + 1, &status, 0) } == 0
                fingerprints.append(found ? FileFingerprint(status) : nil)
            }
            return fingerprints
        }.flatMap { $0 }
    }

    /// The byte offset of the last `/` of `path`.
    private static func lastSlash(_ path: String) -> Int? {
        if let offset = path.utf8.withContiguousStorageIfAvailable({ $0.lastIndex(of: UInt8(ascii: "/")) }) { return offset }
        return path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path.utf8.distance(from: path.utf8.startIndex, to: $0) }
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
