import ProfileLoading

/// The distinct bullet signatures of a set of profiles ("clusters"), which profiles carry each one,
/// and the locality-sensitive-hashing buckets that find a cluster's similar clusters without
/// comparing it to all of them. One `CorpusIndex` holds one table, or two when a stored index is
/// updated with the few profiles that changed since it was built.
///
/// Bullets with identical signatures (verbatim copies, the common case of boilerplate) collapse
/// into one cluster, so a bullet copied into 10,000 profiles costs one cluster, not 10⁸ pairs.
/// Each of `bands` slices of `rows` signature slots is one bucket key; each band's keys are
/// sorted once (n log n), and a lookup reads the run of equal keys.
struct ClusterTable: Sendable {
    let length: Int
    /// Flat signatures of the clusters, `length` slots each.
    private(set) var signatures: [UInt32] = []
    /// Table-local members whose bullets fall in each cluster, ascending and unique:
    /// `memberList[memberStart[c]..<memberStart[c + 1]]`.
    private(set) var memberStart: [Int32] = [0]
    private(set) var memberList: [Int32] = []
    /// Per band: bucket keys sorted (ties by cluster), and the cluster at each position.
    private(set) var bandKeys: [[UInt64]] = []
    private(set) var bandClusters: [[Int32]] = []
    /// Per band: where each cluster's run of equal keys starts (derived from the two above).
    private var bucketStart: [[Int32]] = []

    var clusterCount: Int { memberStart.count - 1 }

    /// Clusters the bullets of `memberSignatures` (one flat signature array per table-local member,
    /// in member order) and returns the table with each member's bullet clusters (-1 for a bullet
    /// without words).
    static func build(_ memberSignatures: [[UInt32]], scheme: MinHashScheme) -> (table: ClusterTable, bulletClusters: [[Int32]]) {
        let length = scheme.length
        var signatures: [UInt32] = []
        // First cluster of each signature hash; the rare other clusters of a colliding hash in `collisions`.
        var clusterByHash: [UInt64: Int32] = [:]
        var collisions: [UInt64: [Int32]] = [:]
        var clusters = 0
        var pairs: [(cluster: Int32, member: Int32)] = []
        // Room for every bullet up front: growing by doubling copied the signatures several times
        // over (and faulted in their pages again each time); pages of the room never used are
        // never touched.
        let totalSlots = memberSignatures.reduce(0) { $0 + $1.count }
        let totalBullets = length == 0 ? 0 : totalSlots / length
        signatures.reserveCapacity(totalSlots)
        pairs.reserveCapacity(totalBullets)
        clusterByHash.reserveCapacity(totalBullets)
        let hashes = signatureHashes(memberSignatures, length: length)
        var allBulletClusters: [[Int32]] = []
        allBulletClusters.reserveCapacity(memberSignatures.count)
        for (member, flat) in memberSignatures.enumerated() {
            let bulletCount = length == 0 ? 0 : flat.count / length
            var bulletClusters: [Int32] = []
            bulletClusters.reserveCapacity(bulletCount)
            flat.withUnsafeBufferPointer { all in
                for bullet in 0..<bulletCount {
                    guard let hash = hashes[member][bullet] else { bulletClusters.append(-1); continue }
                    let signature = UnsafeBufferPointer(rebasing: all[(bullet * length)..<((bullet + 1) * length)])
                    func matches(_ candidate: Int32) -> Bool {
                        let start = Int(candidate) * length
                        return signatures[start..<(start + length)].elementsEqual(signature)
                    }
                    var cluster: Int32 = -1
                    if let first = clusterByHash[hash] {
                        if matches(first) { cluster = first } else { cluster = collisions[hash]?.first(where: matches) ?? -1 }
                    }
                    if cluster < 0 {
                        cluster = Int32(clusters)
                        clusters += 1
                        signatures.append(contentsOf: signature)
                        if clusterByHash[hash] == nil { clusterByHash[hash] = cluster } else { collisions[hash, default: []].append(cluster) }
                    }
                    pairs.append((cluster, Int32(member)))
                    bulletClusters.append(cluster)
                }
            }
            allBulletClusters.append(bulletClusters)
        }
        // Members per cluster (counting sort: pairs come in member order, so each list is ascending).
        var starts = [Int32](repeating: 0, count: clusters + 1)
        for pair in pairs { starts[Int(pair.cluster) + 1] += 1 }
        for index in 0..<clusters { starts[index + 1] += starts[index] }
        var fill = starts
        var list = [Int32](repeating: -1, count: pairs.count)
        var last = [Int32](repeating: -1, count: clusters)
        var counts = [Int32](repeating: 0, count: clusters)
        for pair in pairs where last[Int(pair.cluster)] != pair.member {
            last[Int(pair.cluster)] = pair.member
            list[Int(fill[Int(pair.cluster)])] = pair.member
            fill[Int(pair.cluster)] += 1
            counts[Int(pair.cluster)] += 1
        }
        // Compact away the slots of repeated (cluster, member) pairs.
        var compactStarts = [Int32](repeating: 0, count: clusters + 1)
        var compact: [Int32] = []
        compact.reserveCapacity(pairs.count)
        for cluster in 0..<clusters {
            let start = Int(starts[cluster])
            compact += list[start..<(start + Int(counts[cluster]))]
            compactStarts[cluster + 1] = Int32(compact.count)
        }

        // The bands are independent: one per iteration, on all cores.
        let (clusterCount, stored) = (clusters, signatures)
        let sortedBands = Array(0..<scheme.bands).parallelMap { band -> (keys: [UInt64], clusters: [Int32]) in
            var keyed: [(key: UInt64, cluster: Int32)] = []
            keyed.reserveCapacity(clusterCount)
            stored.withUnsafeBufferPointer { stored in
                for cluster in 0..<clusterCount {
                    let signature = UnsafeBufferPointer(rebasing: stored[(cluster * length)..<((cluster + 1) * length)])
                    keyed.append((scheme.bandKey(signature, band: band), Int32(cluster)))
                }
            }
            keyed.sort { $0.key < $1.key || ($0.key == $1.key && $0.cluster < $1.cluster) }
            return (keyed.map(\.key), keyed.map(\.cluster))
        }
        let bandKeys = sortedBands.map(\.keys)
        let bandClusters = sortedBands.map(\.clusters)
        let table = ClusterTable(
            length: length, signatures: signatures, memberStart: compactStarts, memberList: compact,
            bandKeys: bandKeys, bandClusters: bandClusters
        )
        return (table, allBulletClusters)
    }

    /// Each member's bullets' signature hashes in reading order (nil for a bullet without words:
    /// every slot `UInt32.max`), computed on all cores.
    private static func signatureHashes(_ memberSignatures: [[UInt32]], length: Int) -> [[UInt64?]] {
        guard length > 0 else { return memberSignatures.map { _ in [] } }
        return memberSignatures.parallelMap { flat in
            flat.withUnsafeBufferPointer { all in
                (0..<(all.count / length)).map { bullet -> UInt64? in
                    let signature = UnsafeBufferPointer(rebasing: all[(bullet * length)..<((bullet + 1) * length)])
                    guard signature.contains(where: { $0 != .max }) else { return nil }
                    var hash: UInt64 = 0
                    for slot in signature { hash = MinHashScheme.mix(hash ^ UInt64(slot)) }
                    return hash
                }
            }
        }
    }

    init(length: Int, signatures: [UInt32], memberStart: [Int32], memberList: [Int32], bandKeys: [[UInt64]], bandClusters: [[Int32]]) {
        (self.length, self.signatures, self.memberStart, self.memberList) = (length, signatures, memberStart, memberList)
        (self.bandKeys, self.bandClusters) = (bandKeys, bandClusters)
        self.bucketStart = bandKeys.indices.map { band in
            let keys = bandKeys[band]
            var starts = [Int32](repeating: 0, count: memberStart.count - 1)
            var runStart = 0
            for position in keys.indices {
                if keys[position] != keys[runStart] { runStart = position }
                starts[Int(bandClusters[band][position])] = Int32(runStart)
            }
            return starts
        }
    }

    /// Table-local members of `cluster`.
    func members(ofCluster cluster: Int) -> ArraySlice<Int32> {
        memberList[Int(memberStart[cluster])..<Int(memberStart[cluster + 1])]
    }

    /// Calls `body` with the signature of `cluster`.
    func withSignature<Result>(_ cluster: Int, _ body: (UnsafeBufferPointer<UInt32>) -> Result) -> Result {
        signatures.withUnsafeBufferPointer { stored in
            body(UnsafeBufferPointer(rebasing: stored[(cluster * length)..<((cluster + 1) * length)]))
        }
    }

    /// Positions in band `band` whose key is `key`: the bucket of `ownCluster` when the key is that
    /// cluster's own (read directly), otherwise found by binary search.
    func bucket(band: Int, key: UInt64, ownCluster: Int?) -> Range<Int> {
        let keys = bandKeys[band]
        var start: Int
        if let ownCluster {
            start = Int(bucketStart[band][ownCluster])
        } else {
            var low = 0
            var high = keys.count
            while low < high {
                let middle = (low + high) / 2
                if keys[middle] < key { low = middle + 1 } else { high = middle }
            }
            start = low
        }
        var end = start
        while end < keys.count, keys[end] == key { end += 1 }
        return start..<end
    }

    /// Clusters of this table, other than `ownCluster`, that share a bucket with `query` in some band
    /// and agree with it on at least `minSimilarity` of their slots (each once, in the order found).
    func similarClusters(
        to query: UnsafeBufferPointer<UInt32>, ownCluster: Int?, scheme: MinHashScheme, minSimilarity: Double
    ) -> [Int32] {
        var matched: [Int32] = []
        signatures.withUnsafeBufferPointer { stored in
            for band in 0..<scheme.bands {
                let key = scheme.bandKey(query, band: band)
                let owners = bandClusters[band]
                for position in bucket(band: band, key: key, ownCluster: ownCluster) {
                    let candidate = owners[position]
                    guard Int(candidate) != ownCluster, !matched.contains(candidate) else { continue }
                    let start = Int(candidate) * length
                    let other = UnsafeBufferPointer(rebasing: stored[start..<(start + length)])
                    if MinHashScheme.similarity(query, other) >= minSimilarity { matched.append(candidate) }
                }
            }
        }
        return matched
    }

    /// A table read back from storage, or nil when its arrays are inconsistent with one another
    /// (any index out of range, a start that goes backwards, a band incomplete): checked before use.
    static func validated(
        length: Int, signatures: [UInt32], memberStart: [Int32], memberList: [Int32], bandKeys: [[UInt64]], bandClusters: [[Int32]],
        memberCount: Int, bands: Int
    ) -> ClusterTable? {
        let clusters = memberStart.count - 1
        guard clusters >= 0, signatures.count == clusters * length, memberStart.first == 0,
              Int(memberStart[clusters]) == memberList.count, bandKeys.count == bands, bandClusters.count == bands else { return nil }
        for index in 0..<clusters where memberStart[index] > memberStart[index + 1] { return nil }
        guard memberList.allSatisfy({ $0 >= 0 && Int($0) < memberCount }) else { return nil }
        for band in 0..<bands {
            let keys = bandKeys[band]
            let owners = bandClusters[band]
            guard keys.count == clusters, owners.count == clusters else { return nil }
            var seen = [Bool](repeating: false, count: clusters)
            for position in 0..<clusters {
                let owner = Int(owners[position])
                guard owner >= 0, owner < clusters, !seen[owner] else { return nil }
                seen[owner] = true
                if position > 0, keys[position - 1] > keys[position] { return nil }
            }
        }
        return ClusterTable(
            length: length, signatures: signatures, memberStart: memberStart, memberList: memberList,
            bandKeys: bandKeys, bandClusters: bandClusters
        )
    }
}

