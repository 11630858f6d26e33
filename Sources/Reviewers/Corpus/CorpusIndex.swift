/// Near-duplicate lookup of responsibility bullets across a whole corpus, sub-quadratic.
///
/// Bullets with identical signatures (verbatim copies, the common case of boilerplate) collapse
/// into one cluster, so a bullet copied into 10,000 profiles costs one cluster, not 10⁸ pairs.
/// Clusters are bucketed by locality-sensitive hashing: each of `bands` slices of `rows` signature
/// slots is one bucket key, and two clusters are compared only when they share a bucket in some
/// band. A candidate pair is confirmed when its signatures agree on at least `minSimilarity` of
/// their slots (the MinHash estimate of the Jaccard similarity of their shingle sets). With `b`
/// bands of `r` rows, a pair of true similarity `s` becomes a candidate with probability
/// `1 − (1 − sʳ)ᵇ`.
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
        /// How many of `members` belong to each family.
        public var familyCounts: [Int: Int]
    }

    public let scheme: MinHashScheme
    public let minSimilarity: Double
    public private(set) var members: [Member] = []
    public private(set) var families: [String] = []
    /// Flat signatures of the distinct clusters, `scheme.length` slots each.
    private var clusterSignatures: [UInt32] = []
    /// Members whose bullets fall in each cluster (ascending, unique).
    private var clusterMembers: [[Int32]] = []
    /// Per band: (bucket key, cluster) sorted by key.
    private var bands: [[(key: UInt64, cluster: Int32)]] = []
    private var memberIndexByKey: [String: Int] = [:]

    public var clusterCount: Int { clusterMembers.count }

    /// Indexes `profiles`, each named by a caller-chosen unique `key` (a file path) so a member can be
    /// found again; members are ordered by profile id then key, whatever order they come in.
    public init(profiles: [(key: String, profile: CorpusProfile)], grouping: CorpusFamilyGrouping, scheme: MinHashScheme, minSimilarity: Double) {
        self.scheme = scheme
        self.minSimilarity = minSimilarity
        let ordered = profiles.sorted { ($0.profile.profileID, $0.key) < ($1.profile.profileID, $1.key) }
        let length = scheme.length
        var familyIDs: [String: Int] = [:]
        var clustersByHash: [UInt64: [Int32]] = [:]
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
            var bulletClusters: [Int32] = []
            let bulletCount = profile.signatures.count / max(length, 1)
            bulletClusters.reserveCapacity(bulletCount)
            profile.signatures.withUnsafeBufferPointer { all in
                for bullet in 0..<bulletCount {
                    let signature = UnsafeBufferPointer(rebasing: all[(bullet * length)..<((bullet + 1) * length)])
                    guard signature.contains(where: { $0 != .max }) else { bulletClusters.append(-1); continue }
                    var hash: UInt64 = 0
                    for slot in signature { hash = MinHashScheme.mix(hash ^ UInt64(slot)) }
                    let cluster: Int32
                    if let found = clustersByHash[hash, default: []].first(where: { candidate in
                        clusterSignatures.withUnsafeBufferPointer { stored in
                            let start = Int(candidate) * length
                            return stored[start..<(start + length)].elementsEqual(signature)
                        }
                    }) {
                        cluster = found
                    } else {
                        cluster = Int32(clusterMembers.count)
                        clusterSignatures.append(contentsOf: signature)
                        clusterMembers.append([])
                        clustersByHash[hash, default: []].append(cluster)
                    }
                    if clusterMembers[Int(cluster)].last != Int32(memberIndex) {
                        clusterMembers[Int(cluster)].append(Int32(memberIndex))
                    }
                    bulletClusters.append(cluster)
                }
            }
            members.append(Member(profileID: profile.profileID, family: family, bulletClusters: bulletClusters))
            memberIndexByKey[entry.key] = memberIndex
        }
        var bands: [[(key: UInt64, cluster: Int32)]] = []
        clusterSignatures.withUnsafeBufferPointer { stored in
            for band in 0..<scheme.bands {
                var keys: [(key: UInt64, cluster: Int32)] = []
                keys.reserveCapacity(clusterMembers.count)
                for cluster in 0..<clusterMembers.count {
                    let signature = UnsafeBufferPointer(rebasing: stored[(cluster * length)..<((cluster + 1) * length)])
                    keys.append((scheme.bandKey(signature, band: band), Int32(cluster)))
                }
                keys.sort { $0.key < $1.key || ($0.key == $1.key && $0.cluster < $1.cluster) }
                bands.append(keys)
            }
        }
        self.bands = bands
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

    /// Every member whose bullets are in `cluster` or in a cluster similar enough to it.
    public func neighbourhood(ofCluster cluster: Int) -> Neighbourhood {
        let length = scheme.length
        var matched: Set<Int32> = [Int32(cluster)]
        clusterSignatures.withUnsafeBufferPointer { stored in
            let query = UnsafeBufferPointer(rebasing: stored[(cluster * length)..<((cluster + 1) * length)])
            for band in 0..<scheme.bands {
                let key = scheme.bandKey(query, band: band)
                let keys = bands[band]
                var low = 0, high = keys.count
                while low < high {
                    let middle = (low + high) / 2
                    if keys[middle].key < key { low = middle + 1 } else { high = middle }
                }
                var position = low
                while position < keys.count, keys[position].key == key {
                    let candidate = keys[position].cluster
                    position += 1
                    guard !matched.contains(candidate) else { continue }
                    let start = Int(candidate) * length
                    let other = UnsafeBufferPointer(rebasing: stored[start..<(start + length)])
                    if MinHashScheme.similarity(query, other) >= minSimilarity { matched.insert(candidate) }
                }
            }
        }
        let memberSet: [Int32]
        if matched.count == 1 {
            memberSet = clusterMembers[cluster]
        } else {
            memberSet = Array(Set(matched.flatMap { clusterMembers[Int($0)] })).sorted()
        }
        var familyCounts: [Int: Int] = [:]
        for member in memberSet { familyCounts[members[Int(member)].family, default: 0] += 1 }
        return Neighbourhood(members: memberSet, familyCounts: familyCounts)
    }
}

extension CorpusIndex {
    /// The clusters of every bullet of member `member` (bullets without words left out).
    public func clusters(ofMember member: Int) -> [Int] {
        members[member].bulletClusters.filter { $0 >= 0 }.map(Int.init)
    }
}
