/// Near-duplicate lookup of responsibility bullets across a whole corpus, sub-quadratic.
///
/// Bullets with identical signatures (verbatim copies, the common case of boilerplate) collapse
/// into one cluster, so a bullet copied into 10,000 profiles costs one cluster, not 10⁸ pairs.
/// Clusters are bucketed by locality-sensitive hashing: each of `bands` slices of `rows` signature
/// slots is one bucket key, and two clusters are compared only when they share a bucket in some
/// band. A candidate pair is confirmed when its signatures agree on at least `minSimilarity` of
/// their slots (the MinHash estimate of the Jaccard similarity of their shingle sets). With `b`
/// bands of `r` rows, a pair of true similarity `s` becomes a candidate with probability
/// `1 − (1 − sʳ)ᵇ`. Building sorts each band's keys once (n log n); a query reads its buckets directly.
public struct CorpusIndex: Sendable {
    /// One profile of the corpus.
    public struct Member: Sendable {
        public var profileID: String
        /// Index into `families`.
        public var family: Int
        /// Bullets' cluster ids in reading order (-1 for a bullet without words).
        var bulletClusters: [Int32]
    }

    /// The profiles sharing one cluster's text, or text near it.
    public struct Neighbourhood: Sendable {
        /// Member indices, ascending (members are ordered by profile id).
        public var members: [Int32]
        /// How many of `members` belong to each family (empty when there is one member).
        var familyCounts: [Int: Int]
        var soleFamily: Int

        /// Distinct families among the members.
        public var familyCount: Int { members.count <= 1 ? members.count : familyCounts.count }

        /// Members that belong to `family`.
        public func count(inFamily family: Int) -> Int {
            members.count <= 1 ? (family == soleFamily ? members.count : 0) : familyCounts[family] ?? 0
        }
    }

    public let scheme: MinHashScheme
    public let minSimilarity: Double
    public private(set) var members: [Member] = []
    public private(set) var families: [String] = []
    /// Flat signatures of the distinct clusters, `scheme.length` slots each.
    private var clusterSignatures: [UInt32] = []
    /// Members whose bullets fall in each cluster, ascending and unique: `memberList[memberStart[c]..<memberStart[c + 1]]`.
    private var memberStart: [Int32] = []
    private var memberList: [Int32] = []
    /// Per band: bucket keys sorted, the cluster at each position, and where each cluster's bucket starts.
    private var bandKeys: [[UInt64]] = []
    private var bandClusters: [[Int32]] = []
    private var bucketStart: [[Int32]] = []
    private var memberIndexByKey: [String: Int] = [:]

    public var clusterCount: Int { max(memberStart.count - 1, 0) }

    /// Indexes `profiles`, each named by a caller-chosen unique `key` (a file path) so a member can be
    /// found again; members are ordered by profile id then key, whatever order they come in.
    public init(profiles: [(key: String, profile: CorpusProfile)], grouping: CorpusFamilyGrouping, scheme: MinHashScheme, minSimilarity: Double) {
        self.scheme = scheme
        self.minSimilarity = minSimilarity
        let ordered = profiles.sorted { ($0.profile.profileID, $0.key) < ($1.profile.profileID, $1.key) }
        let length = scheme.length
        var familyIDs: [String: Int] = [:]
        // First cluster of each signature hash; the rare other clusters of a colliding hash in `collisions`.
        var clusterByHash: [UInt64: Int32] = [:]
        var collisions: [UInt64: [Int32]] = [:]
        var clusters = 0
        var pairs: [(cluster: Int32, member: Int32)] = []
        members.reserveCapacity(ordered.count)
        for (memberIndex, entry) in ordered.enumerated() {
            let profile = entry.profile
            let familyName = profile.family(grouping)
            let family: Int
            if let known = familyIDs[familyName] { family = known } else {
                family = families.count
                familyIDs[familyName] = family
                families.append(familyName)
            }
            let bulletCount = length == 0 ? 0 : profile.signatures.count / length
            var bulletClusters: [Int32] = []
            bulletClusters.reserveCapacity(bulletCount)
            profile.signatures.withUnsafeBufferPointer { all in
                for bullet in 0..<bulletCount {
                    let signature = UnsafeBufferPointer(rebasing: all[(bullet * length)..<((bullet + 1) * length)])
                    guard signature.contains(where: { $0 != .max }) else { bulletClusters.append(-1); continue }
                    var hash: UInt64 = 0
                    for slot in signature { hash = MinHashScheme.mix(hash ^ UInt64(slot)) }
                    func matches(_ candidate: Int32) -> Bool {
                        let start = Int(candidate) * length
                        return clusterSignatures[start..<(start + length)].elementsEqual(signature)
                    }
                    var cluster: Int32 = -1
                    if let first = clusterByHash[hash] {
                        if matches(first) { cluster = first } else { cluster = collisions[hash]?.first(where: matches) ?? -1 }
                    }
                    if cluster < 0 {
                        cluster = Int32(clusters)
                        clusters += 1
                        clusterSignatures.append(contentsOf: signature)
                        if clusterByHash[hash] == nil { clusterByHash[hash] = cluster } else { collisions[hash, default: []].append(cluster) }
                    }
                    pairs.append((cluster, Int32(memberIndex)))
                    bulletClusters.append(cluster)
                }
            }
            members.append(Member(profileID: profile.profileID, family: family, bulletClusters: bulletClusters))
            memberIndexByKey[entry.key] = memberIndex
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
        memberStart = compactStarts
        memberList = compact

        clusterSignatures.withUnsafeBufferPointer { stored in
            for band in 0..<scheme.bands {
                var keyed: [(key: UInt64, cluster: Int32)] = []
                keyed.reserveCapacity(clusters)
                for cluster in 0..<clusters {
                    let signature = UnsafeBufferPointer(rebasing: stored[(cluster * length)..<((cluster + 1) * length)])
                    keyed.append((scheme.bandKey(signature, band: band), Int32(cluster)))
                }
                keyed.sort { $0.key < $1.key || ($0.key == $1.key && $0.cluster < $1.cluster) }
                var starts = [Int32](repeating: 0, count: clusters)
                var runStart = 0
                for position in 0..<keyed.count {
                    if keyed[position].key != keyed[runStart].key { runStart = position }
                    starts[Int(keyed[position].cluster)] = Int32(runStart)
                }
                bandKeys.append(keyed.map(\.key))
                bandClusters.append(keyed.map(\.cluster))
                bucketStart.append(starts)
            }
        }
    }

    /// The member indexed under `key`.
    public func member(forKey key: String) -> Int? {
        memberIndexByKey[key]
    }

    /// The cluster of bullet `bullet` of member `member`, nil for a bullet without words.
    public func cluster(member: Int, bullet: Int) -> Int? {
        let clusters = members[member].bulletClusters
        guard clusters.indices.contains(bullet), clusters[bullet] >= 0 else { return nil }
        return Int(clusters[bullet])
    }

    /// The clusters of every bullet of member `member` (bullets without words left out).
    public func clusters(ofMember member: Int) -> [Int] {
        members[member].bulletClusters.filter { $0 >= 0 }.map(Int.init)
    }

    private func members(ofCluster cluster: Int) -> ArraySlice<Int32> {
        memberList[Int(memberStart[cluster])..<Int(memberStart[cluster + 1])]
    }

    /// Every member whose bullets are in `cluster` or in a cluster similar enough to it.
    public func neighbourhood(ofCluster cluster: Int) -> Neighbourhood {
        let length = scheme.length
        var matched: [Int32] = [Int32(cluster)]
        clusterSignatures.withUnsafeBufferPointer { stored in
            let query = UnsafeBufferPointer(rebasing: stored[(cluster * length)..<((cluster + 1) * length)])
            for band in 0..<scheme.bands {
                let keys = bandKeys[band]
                let owners = bandClusters[band]
                var position = Int(bucketStart[band][cluster])
                let key = keys[position]
                while position < keys.count, keys[position] == key {
                    let candidate = owners[position]
                    position += 1
                    guard !matched.contains(candidate) else { continue }
                    let start = Int(candidate) * length
                    let other = UnsafeBufferPointer(rebasing: stored[start..<(start + length)])
                    if MinHashScheme.similarity(query, other) >= minSimilarity { matched.append(candidate) }
                }
            }
        }
        let memberSet: [Int32]
        if matched.count == 1 {
            memberSet = Array(members(ofCluster: cluster))
        } else {
            memberSet = Array(Set(matched.flatMap { members(ofCluster: Int($0)) })).sorted()
        }
        guard memberSet.count > 1 else {
            return Neighbourhood(members: memberSet, familyCounts: [:], soleFamily: memberSet.first.map { members[Int($0)].family } ?? -1)
        }
        var familyCounts: [Int: Int] = [:]
        for member in memberSet { familyCounts[members[Int(member)].family, default: 0] += 1 }
        return Neighbourhood(members: memberSet, familyCounts: familyCounts, soleFamily: -1)
    }
}
