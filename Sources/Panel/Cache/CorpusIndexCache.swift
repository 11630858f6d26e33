import Foundation
import ProfileLoading
import Reviewers

/// The corpus index's per-file signatures, cached in `<cache>/corpus-index` so reviewing one file
/// does not re-read every other profile of the corpus.
///
/// One entry per file under the profiles directory: its resolved path, stat fingerprint, the
/// SHA-256 of its bytes and its `CorpusProfile` (none when the file does not load). On lookup a
/// file whose fingerprint is unchanged and not racy (modified before the recorded scan began) is
/// taken from the entry unread; otherwise it is read and hashed, and re-parsed only when its bytes
/// changed. The whole file is invalid — and rebuilt — when its dependency hash (schema, level
/// catalogue, limits, tool version, signature scheme) differs.
struct CorpusIndexCache: Sendable {
    struct Entry: Sendable {
        var fingerprint: FileFingerprint?
        var bytesSHA256: String
        /// Nil when the file does not load as a profile.
        var profile: CorpusProfile?
    }

    struct Snapshot: Sendable {
        /// When the scan that produced the entries began (nanoseconds since 1970).
        var scanStarted: Int64
        var entries: [String: Entry]

        /// The entry of `path` when its fingerprint says, without reading, that it is current.
        func freshEntry(_ path: String, fingerprint: FileFingerprint?) -> Entry? {
            guard let entry = entries[path], let fingerprint, entry.fingerprint == fingerprint,
                  fingerprint.modifiedNanoseconds < scanStarted, fingerprint.changedNanoseconds < scanStarted else { return nil }
            return entry
        }
    }

    static let magic = Array("RPINDEX1".utf8)
    var path: String
    var dependencyHash: String

    func load() -> Snapshot? {
        guard let payload = CacheFrame.read(path, magic: Self.magic) else { return nil }
        var reader = BinaryReader(payload)
        do throws(CacheFormatError) {
            guard try reader.string() == dependencyHash else { return nil }
            let scanStarted = Int64(bitPattern: try reader.uint64())
            let count = try reader.count()
            var entries: [String: Entry] = [:]
            entries.reserveCapacity(count)
            for _ in 0..<count {
                let path = try reader.string()
                var fingerprint: FileFingerprint?
                if try reader.bool() {
                    fingerprint = FileFingerprint(
                        size: Int64(bitPattern: try reader.uint64()), modifiedNanoseconds: Int64(bitPattern: try reader.uint64()),
                        changedNanoseconds: Int64(bitPattern: try reader.uint64()), inode: try reader.uint64(), device: try reader.uint64()
                    )
                }
                let bytesSHA256 = try reader.string()
                let profile = try reader.bool() ? try reader.corpusProfile() : nil
                entries[path] = Entry(fingerprint: fingerprint, bytesSHA256: bytesSHA256, profile: profile)
            }
            guard reader.isAtEnd else { return nil }
            return Snapshot(scanStarted: scanStarted, entries: entries)
        } catch {
            return nil
        }
    }

    func save(_ snapshot: Snapshot) {
        var writer = BinaryWriter()
        writer.string(dependencyHash)
        writer.uint64(UInt64(bitPattern: snapshot.scanStarted))
        writer.count(snapshot.entries.count)
        for (path, entry) in snapshot.entries.sorted(by: { $0.key < $1.key }) {
            writer.string(path)
            writer.bool(entry.fingerprint != nil)
            if let fingerprint = entry.fingerprint {
                writer.uint64(UInt64(bitPattern: fingerprint.size))
                writer.uint64(UInt64(bitPattern: fingerprint.modifiedNanoseconds))
                writer.uint64(UInt64(bitPattern: fingerprint.changedNanoseconds))
                writer.uint64(fingerprint.inode)
                writer.uint64(fingerprint.device)
            }
            writer.string(entry.bytesSHA256)
            writer.bool(entry.profile != nil)
            if let profile = entry.profile { writer.corpusProfile(profile) }
        }
        try? AtomicFile.write(Data(CacheFrame.wrap(writer.bytes, magic: Self.magic)), to: path)
    }
}
