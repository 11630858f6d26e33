/// Near-duplicate lookup of responsibility bullets across a whole corpus, sub-quadratic.
///
/// The bullets' MinHash signatures are clustered and bucketed by locality-sensitive hashing in a
/// `ClusterTable`: two clusters are compared only when they share a bucket in some band, and a
/// candidate pair is confirmed when its signatures agree on at least `minSimilarity` of their slots
/// (the MinHash estimate of the Jaccard similarity of their shingle sets). With `b` bands of `r`
/// rows, a pair of true similarity `s` becomes a candidate with probability `1 − (1 − sʳ)ᵇ`.
///
/// An index is built from scratch (one table), or made by `updating` a stored index with the few
/// profiles that changed since it was built: the stored table stays as it is (its replaced members
/// masked out) and the changed profiles get a small table of their own, so reviewing one changed
/// file in a large corpus costs that file, not a rebuild. Both give the same neighbourhoods: a
/// neighbourhood is every member with a bullet similar to the query, whichever table holds it.
public struct CorpusIndex: Sendable {
    /// One profile of the corpus.
    public struct Member: Sendable, Equatable {
        /// The caller-chosen unique key (a file path).
        public var key: String
        public var profileID: String
        /// Index into `families`.
        public var family: Int
        /// Bullets' cluster ids in reading order (-1 for a bullet without words).
        public var bulletClusters: [Int32]

        public init(key: String, profileID: String, family: Int, bulletClusters: [Int32]) {
            (self.key, self.profileID, self.family, self.bulletClusters) = (key, profileID, family, bulletClusters)
        }
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

    /// One cluster table and where its clusters and members sit in the index.
    struct Segment: Sendable {
        var table: ClusterTable
        /// The index's id of the table's cluster 0.
        var clusterOffset: Int
        /// Table-local member → index member (-1 for a member replaced since the table was built); nil is the identity.
        var memberMap: [Int32]?

        func member(_ local: Int32) -> Int32 { memberMap.map { $0[Int(local)] } ?? local }
    }

    public let scheme: MinHashScheme
    public let minSimilarity: Double
    public let grouping: CorpusFamilyGrouping
    public private(set) var members: [Member] = []
    public private(set) var families: [String] = []
    private(set) var segments: [Segment] = []
    private var memberIndexByKey: [String: Int] = [:]

    /// Clusters over all tables (a text in both a stored table and the update's counts twice).
    public var clusterCount: Int { segments.reduce(0) { $0 + $1.table.clusterCount } }

    /// Whether the index is one table over exactly its members (as built from scratch), which is what can be stored.
    public var isCompact: Bool { segments.count == 1 && segments[0].memberMap == nil }

    /// Indexes `profiles`, each named by a caller-chosen unique `key` (a file path) so a member can be
    /// found again; members are ordered by profile id then key, whatever order they come in.
    public init(profiles: [(key: String, profile: CorpusProfile)], grouping: CorpusFamilyGrouping, scheme: MinHashScheme, minSimilarity: Double) {
        self.init(entries: profiles.map { Entry($0.key, $0.profile, grouping) }, grouping: grouping, scheme: scheme, minSimilarity: minSimilarity)
    }

    /// One profile to index: its key, id, family name under the index's grouping, and bullet signatures.
    struct Entry {
        var key: String
        var profileID: String
        var family: String
        var signatures: [UInt32]

        init(key: String, profileID: String, family: String, signatures: [UInt32]) {
            (self.key, self.profileID, self.family, self.signatures) = (key, profileID, family, signatures)
        }

        init(_ key: String, _ profile: CorpusProfile, _ grouping: CorpusFamilyGrouping) {
            self.init(key: key, profileID: profile.profileID, family: profile.family(grouping), signatures: profile.signatures)
        }

        /// The order of members in an index: by profile id, then key.
        static func ordered(_ entries: [Entry]) -> [Entry] {
            entries.sorted { ($0.profileID, $0.key) < ($1.profileID, $1.key) }
        }
    }

    /// One table over `entries`, ordered by profile id then key.
    init(entries: [Entry], grouping: CorpusFamilyGrouping, scheme: MinHashScheme, minSimilarity: Double) {
        (self.scheme, self.minSimilarity, self.grouping) = (scheme, minSimilarity, grouping)
        let ordered = Entry.ordered(entries)
        let (table, bulletClusters) = ClusterTable.build(ordered.map(\.signatures), scheme: scheme)
        var familyIDs: [String: Int] = [:]
        members.reserveCapacity(ordered.count)
        for (index, entry) in ordered.enumerated() {
            let family = familyID(entry.family, &familyIDs)
            members.append(Member(key: entry.key, profileID: entry.profileID, family: family, bulletClusters: bulletClusters[index]))
            memberIndexByKey[entry.key] = index
        }
        segments = [Segment(table: table, clusterOffset: 0, memberMap: nil)]
    }

    /// The id of family `name`, added to `families` when it is new (`known`: the ids given so far).
    private mutating func familyID(_ name: String, _ known: inout [String: Int]) -> Int {
        if let id = known[name] { return id }
        known[name] = families.count
        families.append(name)
        return families.count - 1
    }

    /// A stored index: nil when its parts do not fit together (a member's cluster out of range, a
    /// family that does not exist, members out of order, a table that is inconsistent).
    public init?(
        storedMembers: [Member], families: [String], table parts: StoredTable,
        grouping: CorpusFamilyGrouping, scheme: MinHashScheme, minSimilarity: Double
    ) {
        guard parts.length == scheme.length, let table = ClusterTable.validated(
            length: parts.length, signatures: parts.signatures, memberStart: parts.memberStart, memberList: parts.memberList,
            bandKeys: parts.bandKeys, bandClusters: parts.bandClusters, memberCount: storedMembers.count, bands: scheme.bands
        ) else { return nil }
        let clusters = table.clusterCount
        for (index, member) in storedMembers.enumerated() {
            guard member.family >= 0, member.family < families.count,
                  member.bulletClusters.allSatisfy({ $0 >= -1 && Int($0) < clusters }) else { return nil }
            if index > 0 {
                let previous = storedMembers[index - 1]
                guard (previous.profileID, previous.key) < (member.profileID, member.key) else { return nil }
            }
        }
        (self.scheme, self.minSimilarity, self.grouping) = (scheme, minSimilarity, grouping)
        self.members = storedMembers
        self.families = families
        self.segments = [Segment(table: table, clusterOffset: 0, memberMap: nil)]
        for (index, member) in storedMembers.enumerated() { memberIndexByKey[member.key] = index }
    }

    /// The arrays of a compact index's table, as stored.
    public struct StoredTable: Sendable {
        public var length: Int
        public var signatures: [UInt32]
        public var memberStart: [Int32]
        public var memberList: [Int32]
        public var bandKeys: [[UInt64]]
        public var bandClusters: [[Int32]]

        public init(
            length: Int, signatures: [UInt32], memberStart: [Int32], memberList: [Int32], bandKeys: [[UInt64]], bandClusters: [[Int32]]
        ) {
            (self.length, self.signatures, self.memberStart, self.memberList) = (length, signatures, memberStart, memberList)
            (self.bandKeys, self.bandClusters) = (bandKeys, bandClusters)
        }
    }

    /// The table of a compact index, to store (nil when the index is not compact).
    public var storedTable: StoredTable? {
        guard isCompact else { return nil }
        let table = segments[0].table
        return StoredTable(
            length: table.length, signatures: table.signatures, memberStart: table.memberStart, memberList: table.memberList,
            bandKeys: table.bandKeys, bandClusters: table.bandClusters
        )
    }

    /// This index with the members under `removing` left out and `adding` put in (an added key
    /// replaces the member of that key). Cheap when few change: the existing tables are kept and
    /// masked, the added profiles get one new table. Neighbourhoods are those of an index built
    /// from scratch over the same members.
    public func updating(removing: Set<String>, adding: [(key: String, profile: CorpusProfile)]) -> CorpusIndex {
        guard !adding.isEmpty || removing.contains(where: { memberIndexByKey[$0] != nil }) else { return self }
        let addedKeys = Set(adding.map(\.key))
        let added = Entry.ordered(adding.map { Entry($0.key, $0.profile, grouping) })
        let (table, addedClusters) = ClusterTable.build(added.map(\.signatures), scheme: scheme)
        let kept = members.indices.filter { !removing.contains(members[$0].key) && !addedKeys.contains(members[$0].key) }
        var updated = self
        updated.members = []
        updated.members.reserveCapacity(kept.count + added.count)
        updated.memberIndexByKey = [:]
        var familyIDs = Dictionary(uniqueKeysWithValues: families.enumerated().map { ($0.element, $0.offset) })
        // Merge the kept members and the added ones by (profile id, key); both lists are in that order.
        var oldToNew = [Int32](repeating: -1, count: members.count)
        var addedToNew = [Int32](repeating: -1, count: added.count)
        let offset = Int32(clusterCount)
        var nextKept = 0
        var nextAdded = 0
        while nextKept < kept.count || nextAdded < added.count {
            let position = updated.members.count
            let old = nextKept < kept.count ? members[kept[nextKept]] : nil
            if let old, nextAdded == added.count || (old.profileID, old.key) < (added[nextAdded].profileID, added[nextAdded].key) {
                oldToNew[kept[nextKept]] = Int32(position)
                updated.members.append(old)
                nextKept += 1
            } else {
                let entry = added[nextAdded]
                let clusters = addedClusters[nextAdded].map { $0 < 0 ? $0 : $0 + offset }
                let family = updated.familyID(entry.family, &familyIDs)
                updated.members.append(Member(key: entry.key, profileID: entry.profileID, family: family, bulletClusters: clusters))
                addedToNew[nextAdded] = Int32(position)
                nextAdded += 1
            }
            updated.memberIndexByKey[updated.members[position].key] = position
        }
        updated.segments = segments.map { segment in
            var remapped = segment
            let current = segment.memberMap ?? Array(0..<Int32(members.count))
            remapped.memberMap = current.map { $0 < 0 ? -1 : oldToNew[Int($0)] }
            return remapped
        }
        updated.segments.append(Segment(table: table, clusterOffset: Int(offset), memberMap: addedToNew))
        return updated
    }

    /// The same members in one table, as built from scratch (to store it).
    public func compacted() -> CorpusIndex {
        guard !isCompact else { return self }
        let entries = members.map { member in
            var signatures: [UInt32] = []
            signatures.reserveCapacity(member.bulletClusters.count * scheme.length)
            for cluster in member.bulletClusters {
                if cluster < 0 {
                    signatures += [UInt32](repeating: .max, count: scheme.length)
                } else {
                    let (segment, local) = locate(Int(cluster))
                    segments[segment].table.withSignature(local) { signatures += $0 }
                }
            }
            return Entry(key: member.key, profileID: member.profileID, family: families[member.family], signatures: signatures)
        }
        return CorpusIndex(entries: entries, grouping: grouping, scheme: scheme, minSimilarity: minSimilarity)
    }

    /// The segment holding index cluster `cluster`, and its id within that segment's table.
    private func locate(_ cluster: Int) -> (segment: Int, local: Int) {
        var segment = segments.count - 1
        while segments[segment].clusterOffset > cluster { segment -= 1 }
        return (segment, cluster - segments[segment].clusterOffset)
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

    /// Every member whose bullets are in `cluster` or in a cluster similar enough to it.
    public func neighbourhood(ofCluster cluster: Int) -> Neighbourhood {
        let (home, local) = locate(cluster)
        var memberSet: [Int32] = []
        var matchedOther = false
        segments[home].table.withSignature(local) { query in
            for (index, segment) in segments.enumerated() {
                let own = index == home ? local : nil
                let similar = segment.table.similarClusters(to: query, ownCluster: own, scheme: scheme, minSimilarity: minSimilarity)
                matchedOther = matchedOther || !similar.isEmpty
                for matched in (own.map { [Int32($0)] } ?? []) + similar {
                    for member in segment.table.members(ofCluster: Int(matched)) {
                        let mapped = segment.member(member)
                        if mapped >= 0 { memberSet.append(mapped) }
                    }
                }
            }
        }
        if matchedOther || segments.count > 1 { memberSet = Array(Set(memberSet)).sorted() }
        guard memberSet.count > 1 else {
            return Neighbourhood(members: memberSet, familyCounts: [:], soleFamily: memberSet.first.map { members[Int($0)].family } ?? -1)
        }
        var familyCounts: [Int: Int] = [:]
        for member in memberSet { familyCounts[members[Int(member)].family, default: 0] += 1 }
        return Neighbourhood(members: memberSet, familyCounts: familyCounts, soleFamily: -1)
    }
}
