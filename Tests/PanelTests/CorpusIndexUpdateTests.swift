import Reviewers
import Testing

/// An index updated with the profiles that changed (the stored table kept, the changes in a table
/// of their own) answers every neighbourhood question exactly as an index built from scratch over
/// the same profiles; compacting it gives the from-scratch index itself; a stored table whose
/// parts do not fit together is refused.
@Suite("Corpus index updates")
struct CorpusIndexUpdateTests {
    static let scheme = MinHashScheme(shingleWords: 2, bands: 8, rows: 4)

    /// A deterministic pseudo-random corpus: bullets drawn from a small pool of sentences (so many
    /// are shared across families), some with one word changed (near copies), some unique.
    static func profile(_ index: Int, seed: UInt64) -> CorpusProfile {
        let pool = [
            "Partners with stakeholders across the organisation to deliver business outcomes and continuous improvement",
            "Leads shift handover meetings and keeps the deviation log current for the upstream suite",
            "Reconciles the general ledger against subledgers at every month end close",
            "Owns the on call rotation for the payments service and its service level objectives",
            "Drives a culture of safety quality and continuous improvement in every team",
        ]
        var state = seed &+ UInt64(index) &* 0x9e37_79b9_7f4a_7c15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        var bullets: [(level: String, text: String)] = []
        for bullet in 0..<(3 + next() % 4) {
            let choice = next() % 10
            let text: String
            switch choice {
            case 0..<4: text = pool[next() % pool.count]
            case 4..<6: text = pool[next() % pool.count] + " weekly"
            case 6: text = "!!!"
            default: text = "Unique duty \(index) number \(bullet) keeps ledger \(next() % 1000) in balance"
            }
            bullets.append((level: "P\(bullet % 3 + 1)", text: text))
        }
        let function = "F\(next() % 7)"
        return CorpusProfile(profileID: "\(function).X\(index % 40)", functionCode: function, focusCode: "X\(index)", bullets: bullets, scheme: scheme)
    }

    /// Every member's every bullet's neighbourhood, described by keys and family counts (which do not depend on ids).
    static func answers(_ index: CorpusIndex) -> [String: [String]] {
        var answers: [String: [String]] = [:]
        for (memberIndex, member) in index.members.enumerated() {
            answers[member.key] = member.bulletClusters.indices.map { bullet in
                guard let cluster = index.cluster(member: memberIndex, bullet: bullet) else { return "-" }
                let neighbourhood = index.neighbourhood(ofCluster: cluster)
                let keys = neighbourhood.members.map { index.members[Int($0)].key }
                let ownFamily = neighbourhood.count(inFamily: member.family)
                return "\(keys) families=\(neighbourhood.familyCount) own=\(ownFamily)"
            }
        }
        return answers
    }

    @Test(arguments: [1, 2, 3, 4])
    func anUpdatedIndexAnswersAsOneBuiltFromScratch(seed: UInt64) {
        let before = (0..<120).map { (key: "p\($0)", profile: Self.profile($0, seed: seed)) }
        let base = CorpusIndex(profiles: before, grouping: .function, scheme: Self.scheme, minSimilarity: 0.7)
        // Change ten profiles, remove five, add eight new ones.
        let changed = (0..<10).map { (key: "p\($0 * 11)", profile: Self.profile($0 * 11, seed: seed &+ 99)) }
        let added = (0..<8).map { (key: "new\($0)", profile: Self.profile(500 + $0, seed: seed)) }
        let removed: Set<String> = ["p3", "p17", "p44", "p45", "p119"]
        var after: [String: CorpusProfile] = Dictionary(uniqueKeysWithValues: before.map { ($0.key, $0.profile) })
        for key in removed { after[key] = nil }
        for entry in changed + added { after[entry.key] = entry.profile }
        let scratch = CorpusIndex(profiles: after.map { (key: $0.key, profile: $0.value) }, grouping: .function, scheme: Self.scheme, minSimilarity: 0.7)

        let updated = base.updating(removing: removed, adding: changed + added)
        #expect(!updated.isCompact)
        #expect(updated.members.map(\.key) == scratch.members.map(\.key))
        #expect(Self.answers(updated) == Self.answers(scratch))
        // Updating an updated index again still agrees.
        let again = updated.updating(removing: ["new0"], adding: [(key: "p50", profile: Self.profile(7, seed: seed))])
        var further = after
        further["new0"] = nil
        further["p50"] = Self.profile(7, seed: seed)
        let scratchAgain = CorpusIndex(profiles: further.map { (key: $0.key, profile: $0.value) }, grouping: .function, scheme: Self.scheme, minSimilarity: 0.7)
        #expect(Self.answers(again) == Self.answers(scratchAgain))

        let compact = updated.compacted()
        #expect(compact.isCompact && compact.members == scratch.members && compact.families == scratch.families)
        #expect(compact.storedTable.map(Self.describe) == scratch.storedTable.map(Self.describe))
        // The shared sentence really is found across families (the test would pass vacuously otherwise).
        #expect(Self.answers(scratch).values.joined().contains { $0.contains("families=") && !$0.contains("families=1 ") })
    }

    @Test func nothingChangedIsTheSameIndex() {
        let profiles = (0..<30).map { (key: "p\($0)", profile: Self.profile($0, seed: 5)) }
        let base = CorpusIndex(profiles: profiles, grouping: .function, scheme: Self.scheme, minSimilarity: 0.7)
        let same = base.updating(removing: ["absent"], adding: [])
        #expect(same.isCompact && same.members == base.members)
    }

    @Test func aStoredTableThatDoesNotFitIsRefused() throws {
        let profiles = (0..<30).map { (key: "p\($0)", profile: Self.profile($0, seed: 6)) }
        let index = CorpusIndex(profiles: profiles, grouping: .function, scheme: Self.scheme, minSimilarity: 0.7)
        let table = try #require(index.storedTable)
        func load(_ members: [CorpusIndex.Member], _ table: CorpusIndex.StoredTable, families: [String]? = nil) -> CorpusIndex? {
            CorpusIndex(storedMembers: members, families: families ?? index.families, table: table, grouping: .function,
                        scheme: Self.scheme, minSimilarity: 0.7)
        }
        #expect(load(index.members, table).map { Self.answers($0) } == Self.answers(index))
        var badMember = table
        badMember.memberList[0] = Int32(index.members.count)
        #expect(load(index.members, badMember) == nil)
        var badBand = table
        badBand.bandClusters[2][0] = badBand.bandClusters[2][1]
        #expect(load(index.members, badBand) == nil)
        var unsorted = table
        unsorted.bandKeys[0].swapAt(0, unsorted.bandKeys[0].count - 1)
        #expect(load(index.members, unsorted) == nil)
        var short = table
        short.signatures.removeLast()
        #expect(load(index.members, short) == nil)
        var members = index.members
        members[0].bulletClusters[0] = Int32(index.clusterCount)
        #expect(load(members, table) == nil)
        #expect(load(index.members.reversed(), table) == nil, "members out of order")
        #expect(load(index.members, table, families: []) == nil)
    }

    static func describe(_ table: CorpusIndex.StoredTable) -> String {
        "\(table.length) \(table.signatures) \(table.memberStart) \(table.memberList) \(table.bandKeys) \(table.bandClusters)"
    }
}
