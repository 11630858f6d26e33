import Foundation
import ProfileLoading
import Testing

@Suite("--shard K/N: parsing and a stable partition by project-relative path")
struct ShardSelectorTests {
    @Test func parsesKOverN() throws {
        let shard = try ShardSelector(parsing: "2/5")
        #expect(shard.index == 2 && shard.count == 5 && shard.description == "2/5")
        #expect(try ShardSelector(parsing: "1/1") == ShardSelector(index: 1, count: 1))
        #expect(try ShardSelector(parsing: "1024/1024").count == 1024)
    }

    @Test func rejectsEverythingElseWithAClearMessage() {
        let cases: [(String, String)] = [
            ("0/3", "the shard number must be between 1 and 3"), ("4/3", "the shard number must be between 1 and 3"),
            ("1/0", "the shard count must be between 1 and 1024"), ("1/1025", "the shard count must be between 1 and 1024"),
            ("3", "--shard expects K/N"), ("a/b", "--shard expects K/N"), ("-1/3", "--shard expects K/N"),
            (" 1/3", "--shard expects K/N"), ("1/3/5", "--shard expects K/N"), ("1/", "--shard expects K/N"),
            ("99999999999999999999/3", "--shard expects K/N"), ("１/３", "--shard expects K/N"),
        ]
        for (text, expected) in cases {
            do {
                let shard = try ShardSelector(parsing: text)
                Issue.record("'\(text)' parsed as \(shard)")
            } catch {
                #expect(error.message.contains(expected), "'\(text)': \(error.message)")
                #expect(error.hint != nil)
            }
        }
    }

    /// FNV-1a 64 + fmix64, computed independently (Python) for these paths.
    @Test func theAssignmentIsFixedForKnownPaths() {
        let expected: [(String, UInt64, [Int])] = [
            ("Profiles/clinical-nursing/registered-nurse-medical-surgical.yaml", 0xccaf_ef9e_ef81_51c9, [2, 2, 2, 10]),
            ("Profiles/finance-accounting/general-ledger-close.yaml", 0x1084_dbe1_131f_46c7, [2, 3, 2, 8]),
            ("Profiles/manufacturing-operations/production-supervision-upstream.yaml", 0xc0b5_55cf_45cd_e820, [1, 1, 4, 1]),
            ("Profiles/software-engineering/backend-platform-services.yaml", 0x9ff5_5831_4d06_d961, [2, 3, 4, 2]),
            ("Profiles/é/ünïcode.yaml", 0x8497_6511_1521_fccd, [2, 1, 3, 14]),
        ]
        for (path, hash, shards) in expected {
            #expect(ShardSelector.stableHash(path) == hash, "\(path)")
            #expect([2, 3, 5, 16].map { ShardSelector.shard(of: path, count: $0) } == shards, "\(path)")
        }
    }

    @Test func everyFileIsInExactlyOneShardAndTheShardsAreBalanced() throws {
        let paths = (0..<2_000).map { "Profiles/family-\($0 % 37)/focus-\($0).yaml" }
        for count in [1, 2, 3, 5, 7, 16, 1024] {
            let shards = try (1...count).map { try ShardSelector(index: $0, count: count) }
            var sizes = Array(repeating: 0, count: count)
            for path in paths {
                let owners = shards.filter { $0.contains(relativePath: path) }
                #expect(owners.count == 1, "\(path) is in \(owners.count) of \(count) shards")
                sizes[(owners.first?.index ?? 1) - 1] += 1
            }
            #expect(sizes.reduce(0, +) == paths.count)
            if count <= 16 {
                // A good hash spreads 2,000 paths within ±35 % of the mean for these N (observed: far tighter).
                let mean = Double(paths.count) / Double(count)
                #expect(sizes.allSatisfy { abs(Double($0) - mean) < 0.35 * mean }, "N=\(count): \(sizes)")
            }
        }
    }

    @Test func theKeyIsRelativeToTheProjectRootWhereverTheCommandRuns() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rp-shard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Profiles/ops"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let layout = ProjectLayout(root: root.path)
        let fromRoot = DiscoveredFile(displayPath: "Profiles/ops/a.yaml", resolvedPath: "/x")
        let fromProfiles = DiscoveredFile(displayPath: "ops/a.yaml", resolvedPath: "/x")
        #expect(ShardSelector.shardKey(of: fromRoot, layout: layout, workingDirectory: root.path) == "Profiles/ops/a.yaml")
        #expect(ShardSelector.shardKey(of: fromProfiles, layout: layout, workingDirectory: root.path + "/Profiles") == "Profiles/ops/a.yaml")
        let outside = DiscoveredFile(displayPath: "/elsewhere/b.yaml", resolvedPath: "/elsewhere/b.yaml")
        #expect(ShardSelector.shardKey(of: outside, layout: layout, workingDirectory: root.path) == "/elsewhere/b.yaml")
    }

    @Test func aSelectionKeepsOrderAndFingerprintsTheWholeCorpus() throws {
        let layout = ProjectLayout(root: "/project")
        let corpus = (0..<50).map { DiscoveredFile(displayPath: "Profiles/f\($0).yaml", resolvedPath: "/project/Profiles/f\($0).yaml") }
        let selections = try (1...3).map {
            ShardSelection(shard: try ShardSelector(index: $0, count: 3), corpus: corpus, layout: layout, workingDirectory: "/project")
        }
        #expect(selections.flatMap(\.files).count == corpus.count)
        #expect(Set(selections.flatMap(\.files).map(\.displayPath)) == Set(corpus.map(\.displayPath)))
        for selection in selections {
            #expect(selection.files == corpus.filter { selection.files.contains($0) })
            #expect(selection.corpusFileCount == 50 && selection.corpusFingerprint.count == 16)
        }
        #expect(Set(selections.map(\.corpusFingerprint)).count == 1)
        let reordered = ShardSelection(shard: try ShardSelector(index: 1, count: 3), corpus: corpus.reversed(), layout: layout, workingDirectory: "/project")
        #expect(reordered.corpusFingerprint == selections[0].corpusFingerprint)
        let smaller = ShardSelection(shard: try ShardSelector(index: 1, count: 3), corpus: Array(corpus.dropLast()), layout: layout, workingDirectory: "/project")
        #expect(smaller.corpusFingerprint != selections[0].corpusFingerprint)
    }
}
