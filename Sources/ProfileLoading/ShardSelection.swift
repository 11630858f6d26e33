/// One shard's part of a corpus, with what `review-profile merge` needs to prove that the shards it
/// combines were cut from the same corpus and together cover it: the corpus size and a fingerprint
/// of every path in it.
public struct ShardSelection: Sendable, Equatable {
    public var shard: ShardSelector
    /// The files of this shard, in discovery order.
    public var files: [DiscoveredFile]
    /// How many files the whole corpus has (every shard).
    public var corpusFileCount: Int
    /// A stable hash of the sorted shard keys of the whole corpus, as 16 hex digits.
    public var corpusFingerprint: String

    public init(shard: ShardSelector, corpus: [DiscoveredFile], layout: ProjectLayout, workingDirectory: String) {
        let keys = corpus.map { ShardSelector.shardKey(of: $0, layout: layout, workingDirectory: workingDirectory) }
        self.shard = shard
        self.files = zip(corpus, keys).filter { shard.contains(relativePath: $0.1) }.map(\.0)
        self.corpusFileCount = corpus.count
        self.corpusFingerprint = Self.fingerprint(of: keys)
    }

    /// Order-independent: the keys are sorted by their bytes before hashing.
    static func fingerprint(of keys: [String]) -> String {
        let joined = keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.joined(separator: "\n")
        let hex = String(ShardSelector.stableHash(joined), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
