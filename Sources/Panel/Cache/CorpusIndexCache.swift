import Foundation
import ProfileLoading
import Reviewers

/// The corpus index, built, cached in `<cache>/corpus-index` so reviewing one file neither re-reads
/// every other profile of the corpus nor rebuilds the index over them.
///
/// It holds one record per file under the profiles directory (path relative to that directory, stat fingerprint,
/// SHA-256 of its bytes) and the compact `CorpusIndex` over the files that load as profiles. On
/// lookup a file whose fingerprint is unchanged and not racy (modified before the recorded scan
/// began) is taken as recorded, unread; otherwise it is read and hashed, and re-parsed only when its
/// bytes changed. The whole file is invalid — and rebuilt — when its dependency hash (schema, level
/// catalogue, limits, tool version, signature scheme) or the index's grouping or similarity bar differs.
struct CorpusIndexCache: Sendable {
    /// What the corpus knows of one file, as a run finds it.
    struct Entry: Sendable {
        var fingerprint: FileFingerprint?
        var bytesSHA256: String
        /// What the file's bytes index as; nil when they do not load as a profile, and for a file
        /// whose bytes are those the stored index recorded (its profile is in that index already).
        var profile: CorpusProfile?
    }

    /// What the stored index recorded of one file.
    struct Record: Sendable, Equatable {
        var fingerprint: FileFingerprint?
        var bytesSHA256: String
    }

    struct Snapshot: Sendable {
        /// When the scan that produced the records began (nanoseconds since 1970).
        var scanStarted: Int64
        var records: [String: Record]
        /// The index over the recorded files that load as profiles, keyed by path.
        var index: CorpusIndex

        /// The record of `path` when its fingerprint says, without reading, that it is current.
        func freshRecord(_ path: String, fingerprint: FileFingerprint?) -> Record? {
            guard let record = records[path], let fingerprint, record.fingerprint == fingerprint,
                  fingerprint.modifiedNanoseconds < scanStarted, fingerprint.changedNanoseconds < scanStarted else { return nil }
            return record
        }
    }

    static let magic = Array("RPINDEX3".utf8)
    var path: String
    var dependencyHash: String
    var scheme: MinHashScheme
    var grouping: CorpusFamilyGrouping
    var minSimilarity: Double
    /// The corpus directory (resolved, absolute). Paths under it are stored relative to it, so a
    /// project moved or checked out elsewhere, with its cache, keeps its stored index.
    var root: String?

    /// `path` as stored: relative to `root` when it lies under it, else as it is (absolute).
    func stored(_ path: String) -> String {
        guard let root, path.hasPrefix(root + "/") else { return path }
        return String(path.dropFirst(root.count + 1))
    }

    /// A stored path as this run names it: a relative one is under `root`.
    func restored(_ path: String) -> String? {
        Self.restored(path, root: root)
    }

    static func restored(_ path: String, root: String?) -> String? {
        if path.hasPrefix("/") { return path }
        guard let root else { return nil }
        return root + "/" + path
    }

    /// Where a cache directory keeps its corpus index.
    static func path(inCacheDirectory directory: String) -> String {
        directory + "/corpus-index"
    }

    /// A stored index file decoded as it is, before it is checked against a rubric: the part of a
    /// load that needs only the file, so `check` can start it before the rubric has loaded.
    struct StoredFile: Sendable {
        var dependencyHash: String
        var grouping: String
        var minSimilarityBits: UInt64
        var scanStarted: Int64
        var records: [String: Record]
        var families: [String]
        var members: [CorpusIndex.Member]
        var table: CorpusIndex.StoredTable
    }

    func load() -> Snapshot? {
        Self.read(path: path, root: root).flatMap(snapshot(from:))
    }

    /// The file at `path` decoded, its relative paths restored under `root`; nil when it is missing,
    /// damaged or truncated, or holds a relative path without a root to restore it under.
    static func read(path: String, root: String?) -> StoredFile? {
        guard var reader = CacheFrame.reader(path, magic: Self.magic) else { return nil }
        do throws(CacheFormatError) {
            let dependencyHash = try reader.string()
            let grouping = try reader.string()
            let minSimilarityBits = try reader.uint64()
            let scanStarted = Int64(bitPattern: try reader.uint64())
            let count = try reader.count()
            var records: [String: Record] = [:]
            records.reserveCapacity(count)
            for _ in 0..<count {
                guard let path = restored(try reader.string(), root: root) else { return nil }
                var fingerprint: FileFingerprint?
                if try reader.bool() {
                    fingerprint = FileFingerprint(
                        size: Int64(bitPattern: try reader.uint64()), modifiedNanoseconds: Int64(bitPattern: try reader.uint64()),
                        changedNanoseconds: Int64(bitPattern: try reader.uint64()), inode: try reader.uint64(), device: try reader.uint64()
                    )
                }
                records[path] = Record(fingerprint: fingerprint, bytesSHA256: try reader.string())
            }
            let families = try reader.array { reader throws(CacheFormatError) in try reader.string() }
            let members = try reader.array { reader throws(CacheFormatError) -> CorpusIndex.Member in
                CorpusIndex.Member(key: restored(try reader.string(), root: root) ?? "", profileID: try reader.string(), family: try reader.count(),
                                   bulletClusters: try reader.integers(Int32.self))
            }
            let length = try reader.count()
            let signatures = try reader.integers(UInt32.self)
            let memberStart = try reader.integers(Int32.self)
            let memberList = try reader.integers(Int32.self)
            let bandKeys = try reader.array { reader throws(CacheFormatError) in try reader.integers(UInt64.self) }
            let bandClusters = try reader.array { reader throws(CacheFormatError) in try reader.integers(Int32.self) }
            guard reader.isAtEnd, members.allSatisfy({ records[$0.key] != nil }) else { return nil }
            let table = CorpusIndex.StoredTable(
                length: length, signatures: signatures, memberStart: memberStart, memberList: memberList,
                bandKeys: bandKeys, bandClusters: bandClusters
            )
            return StoredFile(dependencyHash: dependencyHash, grouping: grouping, minSimilarityBits: minSimilarityBits, scanStarted: scanStarted,
                              records: records, families: families, members: members, table: table)
        } catch {
            return nil
        }
    }

    /// The snapshot `file` holds, when it was stored for this rubric (dependency hash, grouping and
    /// similarity bar all equal) and its index is consistent; nil otherwise.
    func snapshot(from file: StoredFile) -> Snapshot? {
        guard file.dependencyHash == dependencyHash, file.grouping == grouping.rawValue, file.minSimilarityBits == minSimilarity.bitPattern,
              let index = CorpusIndex(storedMembers: file.members, families: file.families, table: file.table, grouping: grouping, scheme: scheme,
                                      minSimilarity: minSimilarity)
        else { return nil }
        return Snapshot(scanStarted: file.scanStarted, records: file.records, index: index)
    }

    /// Stores `snapshot`; its index must be compact (one table over exactly the recorded files that load).
    func save(_ snapshot: Snapshot) {
        guard let table = snapshot.index.storedTable else { return }
        var writer = BinaryWriter()
        writer.string(dependencyHash)
        writer.string(grouping.rawValue)
        writer.uint64(minSimilarity.bitPattern)
        writer.uint64(UInt64(bitPattern: snapshot.scanStarted))
        writer.count(snapshot.records.count)
        for (path, record) in snapshot.records.sorted(by: { $0.key < $1.key }) {
            writer.string(stored(path))
            writer.bool(record.fingerprint != nil)
            if let fingerprint = record.fingerprint {
                writer.uint64(UInt64(bitPattern: fingerprint.size))
                writer.uint64(UInt64(bitPattern: fingerprint.modifiedNanoseconds))
                writer.uint64(UInt64(bitPattern: fingerprint.changedNanoseconds))
                writer.uint64(fingerprint.inode)
                writer.uint64(fingerprint.device)
            }
            writer.string(record.bytesSHA256)
        }
        writer.count(snapshot.index.families.count)
        for family in snapshot.index.families { writer.string(family) }
        writer.count(snapshot.index.members.count)
        for member in snapshot.index.members {
            writer.string(stored(member.key))
            writer.string(member.profileID)
            writer.count(member.family)
            writer.integers(member.bulletClusters)
        }
        writer.count(table.length)
        writer.integers(table.signatures)
        writer.integers(table.memberStart)
        writer.integers(table.memberList)
        writer.count(table.bandKeys.count)
        for keys in table.bandKeys { writer.integers(keys) }
        writer.count(table.bandClusters.count)
        for clusters in table.bandClusters { writer.integers(clusters) }
        let framed = CacheFrame.wrap(writer.bytes, magic: Self.magic)
        try? AtomicFile.stream(to: path) { write in try write(framed) }
    }
}
