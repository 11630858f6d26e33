import Foundation

/// `--shard K/N`: which of N disjoint parts of the corpus this run reviews.
///
/// A file belongs to shard `1 + hash(path) mod N`, where `path` is the file's path relative to the
/// project root (so the split is the same on every machine and in every checkout location) and
/// `hash` is FNV-1a 64 over the path's UTF-8 bytes followed by the MurmurHash3 `fmix64` finalizer
/// (FNV-1a alone mixes its low bits poorly, and `mod N` reads exactly those). Every file is in
/// exactly one shard for a given N; adding or removing a file never moves another one.
public struct ShardSelector: Sendable, Equatable, CustomStringConvertible {
    /// 1-based: `1...count`.
    public let index: Int
    public let count: Int

    /// More shards than this is a typing mistake, not a plan: no corpus needs 1,025 machines.
    public static let maxCount = 1024

    public init(index: Int, count: Int) throws(ConfigurationError) {
        guard (1...Self.maxCount).contains(count) else {
            throw ConfigurationError(
                "--shard \(index)/\(count): the shard count must be between 1 and \(Self.maxCount)",
                hint: "write --shard K/N with 1 ≤ K ≤ N, for example --shard 2/4"
            )
        }
        guard (1...count).contains(index) else {
            throw ConfigurationError(
                "--shard \(index)/\(count): the shard number must be between 1 and \(count)",
                hint: "shards are numbered from 1; with N shards run K = 1 … N (in a Kubernetes Indexed Job, K = JOB_COMPLETION_INDEX + 1)"
            )
        }
        self.index = index
        self.count = count
    }

    /// Parses `K/N` (e.g. `2/5`).
    public init(parsing text: String) throws(ConfigurationError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Self.decimal(parts[0]), let count = Self.decimal(parts[1]) else {
            throw ConfigurationError(
                "--shard expects K/N (two whole numbers, for example 2/5), found '\(text)'",
                hint: "run shard K of N with --shard K/N, where 1 ≤ K ≤ N ≤ \(Self.maxCount)"
            )
        }
        try self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    /// True when the file at `relativePath` (relative to the project root) belongs to this shard.
    public func contains(relativePath: String) -> Bool {
        Self.shard(of: relativePath, count: count) == index
    }

    /// The 1-based shard that `relativePath` falls in when the corpus is split `count` ways.
    public static func shard(of relativePath: String, count: Int) -> Int {
        Int(stableHash(relativePath) % UInt64(count)) + 1
    }

    /// The files of `files` that belong to this shard, order kept.
    public func select(_ files: [DiscoveredFile], layout: ProjectLayout, workingDirectory: String) -> [DiscoveredFile] {
        files.filter { contains(relativePath: Self.shardKey(of: $0, layout: layout, workingDirectory: workingDirectory)) }
    }

    /// The path a file is sharded by: relative to the project root when inside it, else absolute.
    public static func shardKey(of file: DiscoveredFile, layout: ProjectLayout, workingDirectory: String) -> String {
        let base = FileSystemPath.resolved(workingDirectory) ?? workingDirectory
        let absolute = FileSystemPath.absolute(file.displayPath, from: base)
        let root = FileSystemPath.resolved(layout.root) ?? layout.root
        return FileSystemPath.display(absolute, relativeTo: root)
    }

    /// FNV-1a 64 with the `fmix64` finalizer; stable across platforms, runs and Swift versions
    /// (unlike `Hasher`, which is seeded per process).
    public static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        hash = hash &* 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        return hash
    }

    private static func decimal(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 6, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}
