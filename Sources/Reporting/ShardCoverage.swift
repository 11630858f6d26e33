import ProfileLoading

/// Proves that sharded inputs are the complete split of one corpus: one N, one corpus (same size and
/// path fingerprint), every shard 1…N exactly once, and their file counts adding up to the corpus.
/// Inputs without shard metadata (plain `review --format json` runs) are merged as given; only
/// overlap is checked for them.
enum ShardCoverage {
    static func check(_ documents: [ShardDocument]) throws(ConfigurationError) {
        let sharded = documents.filter { $0.shard != nil }
        guard !sharded.isEmpty else { return }
        if let plain = documents.first(where: { $0.shard == nil }) {
            throw ConfigurationError(
                "\(plain.name) is not a shard (it has no \"shard\" member) but \(sharded[0].name) is",
                hint: "merge only the outputs of `review --format json --shard K/N`, one per K"
            )
        }
        let reference = sharded[0]
        let first = reference.shard!
        var byIndex: [Int: String] = [:]
        for document in sharded {
            let shard = document.shard!
            guard shard.count == first.count else {
                throw ConfigurationError(
                    "\(document.name) is shard \(shard.index)/\(shard.count) but \(reference.name) is shard \(first.index)/\(first.count)",
                    hint: "every shard must be run with the same N"
                )
            }
            guard shard.corpusFiles == first.corpusFiles, shard.corpusFingerprint == first.corpusFingerprint else {
                throw ConfigurationError(
                    "\(document.name) and \(reference.name) were cut from different corpora "
                        + "(\(shard.corpusFiles) files, fingerprint \(shard.corpusFingerprint) vs \(first.corpusFiles) files, \(first.corpusFingerprint))",
                    hint: "run every shard on the same commit with the same paths, from the same directory"
                )
            }
            if let other = byIndex[shard.index] {
                throw ConfigurationError(
                    "shard \(shard.index)/\(shard.count) is given twice (\(other) and \(document.name))",
                    hint: "give each shard's output once"
                )
            }
            byIndex[shard.index] = document.name
        }
        let missing = (1...first.count).filter { byIndex[$0] == nil }
        guard missing.isEmpty else {
            let list = missing.map { "\($0)/\(first.count)" }.joined(separator: ", ")
            throw ConfigurationError(
                "missing shard\(missing.count == 1 ? "" : "s") \(list): the merge would not cover the corpus",
                hint: "wait for every shard job, or rerun the missing ones, then merge all \(first.count) outputs"
            )
        }
        let files = sharded.reduce(0) { $0 + $1.shard!.files }
        guard files == first.corpusFiles else {
            throw ConfigurationError(
                "the shards reviewed \(files) files in all, but the corpus has \(first.corpusFiles)",
                hint: "run every shard with the same review-profile build (the split must agree)"
            )
        }
    }
}
