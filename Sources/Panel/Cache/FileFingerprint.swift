import Foundation

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
