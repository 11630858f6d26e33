import Dispatch

/// A deterministic synthetic corpus for timing the corpus index at scale (the benchmark calls it;
/// no test times it): `profiles` profiles in `families` function families, `bulletsPerProfile`
/// bullets of 14–26 words from a 6,000-word vocabulary, and one bullet in 50 replaced by one of 40
/// boilerplate sentences (every 4th of those with one word changed, so near-duplicates are found too).
public enum CorpusIndexBenchmark {
    public struct Result: Sendable {
        public var profiles: Int
        public var bullets: Int
        public var clusters: Int
        /// Bullets flagged (at least `min_other_families` other families share them).
        public var flaggedBullets: Int
        /// Seconds to compute every bullet's signature (one thread).
        public var signing: Double
        /// Seconds to build the index (clusters and LSH bands).
        public var building: Double
        /// Seconds to query every bullet of every profile, as a review of the whole corpus does (one thread).
        public var querying: Double
    }

    public static func run(
        profiles: Int, families: Int = 500, bulletsPerProfile: Int = 25,
        scheme: MinHashScheme = MinHashScheme(shingleWords: 2, bands: 8, rows: 4), minSimilarity: Double = 0.7,
        minOtherFamilies: Int = 3
    ) -> Result {
        var random = SplitMix(seed: 0x5eed)
        let vocabulary = (0..<6000).map { index in "w\(index)x\(index % 7)" }
        let boilerplate = (0..<40).map { index in
            (0..<18).map { word in vocabulary[(index * 131 + word * 17) % vocabulary.count] }.joined(separator: " ")
        }
        func clock() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

        var texts: [[String]] = []
        texts.reserveCapacity(profiles)
        for _ in 0..<profiles {
            var bullets: [String] = []
            for _ in 0..<bulletsPerProfile {
                if random.next() % 50 == 0 {
                    let pick = Int(random.next() % UInt64(boilerplate.count))
                    var words = boilerplate[pick].split(separator: " ").map(String.init)
                    if random.next() % 4 == 0 { words[Int(random.next() % UInt64(words.count))] = "changed" }
                    bullets.append(words.joined(separator: " "))
                } else {
                    let count = 14 + Int(random.next() % 13)
                    bullets.append((0..<count).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }.joined(separator: " "))
                }
            }
            texts.append(bullets)
        }

        let signStart = clock()
        var entries: [(key: String, profile: CorpusProfile)] = []
        entries.reserveCapacity(profiles)
        for (index, bullets) in texts.enumerated() {
            let family = index % families
            let profile = CorpusProfile(
                profileID: "F\(family).P\(index)", functionCode: "F\(family)", focusCode: "P\(index)",
                bullets: bullets.map { (level: "P1", text: $0) }, scheme: scheme
            )
            entries.append((key: "p\(index)", profile: profile))
        }
        texts = []
        let buildStart = clock()
        let index = CorpusIndex(profiles: entries, grouping: .function, scheme: scheme, minSimilarity: minSimilarity)
        entries = []
        let queryStart = clock()
        var neighbourhoods = [CorpusIndex.Neighbourhood?](repeating: nil, count: index.clusterCount)
        var flagged = 0
        var bullets = 0
        for member in 0..<index.members.count {
            let family = index.members[member].family
            for cluster in index.clusters(ofMember: member) {
                bullets += 1
                let neighbourhood: CorpusIndex.Neighbourhood
                if let known = neighbourhoods[cluster] { neighbourhood = known } else {  // once per cluster
                    neighbourhood = index.neighbourhood(ofCluster: cluster)
                    neighbourhoods[cluster] = neighbourhood
                }
                let same = neighbourhood.count(inFamily: family)
                if neighbourhood.familyCount - (same > 0 ? 1 : 0) >= minOtherFamilies { flagged += 1 }
            }
        }
        let end = clock()
        return Result(
            profiles: profiles, bullets: bullets, clusters: index.clusterCount, flaggedBullets: flagged,
            signing: Double(buildStart - signStart) / 1e9, building: Double(queryStart - buildStart) / 1e9,
            querying: Double(end - queryStart) / 1e9
        )
    }

    /// SplitMix64: a small deterministic generator.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            return MinHashScheme.mix(state &- 0x9e37_79b9_7f4a_7c15)
        }
    }
}
