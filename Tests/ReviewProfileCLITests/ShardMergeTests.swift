import Foundation
import Testing

@Suite("review --shard K/N and review-profile merge, run as processes")
struct ShardMergeTests {
    static let environment = ["SOURCE_DATE_EPOCH": "1795478400"]

    /// A temporary project: the bundled Rubrics/ and Profiles/, plus copies at other paths (nested,
    /// non-ASCII names), a rejected profile and three invalid files, so every decision and the sort
    /// order are exercised.
    static func makeProject() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rp-shard-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        for name in ["Rubrics", "Profiles"] {
            try manager.copyItem(at: CommandRunner.packageRoot.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
        let upstream = try String(contentsOf: root.appendingPathComponent(
            "Profiles/manufacturing-operations/production-supervision-upstream.yaml"), encoding: .utf8)
        let ledger = try String(contentsOf: root.appendingPathComponent("Profiles/finance-accounting/general-ledger-close.yaml"), encoding: .utf8)
        let extras: [(String, String)] = [
            ("Profiles/zz-extra/deep/nested/upstream-copy.yaml", upstream),
            ("Profiles/é-opérations/ünïcode-ledger.yaml", ledger),
            ("Profiles/Finance-Upper/ledger.yaml", ledger),
            ("Profiles/finance-accounting/general-ledger-close-2.yaml", ledger),
            ("Profiles/manufacturing-operations/degraded.yaml", upstream.replacingOccurrences(of: "51-1011.00", with: "51-9999.00")),
            ("Profiles/broken/unclosed.yaml", "schema: review-profile/v1\nlevels: [unclosed\n"),
            ("Profiles/broken/schema-invalid.json", #"{"schema": "review-profile/v1", "id": 7}"#),
            ("Profiles/broken/empty.yml", ""),
        ]
        for (path, text) in extras {
            let file = root.appendingPathComponent(path)
            try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        return root
    }

    static func run(_ arguments: [String], in root: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        let output = try CommandRunner.run(arguments, in: root, environment: environment)
        return (output.status, output.stdout, output.stderr)
    }

    /// Runs every shard of `count` (over `paths`) into `shard-K-of-N.json` and returns the file names.
    static func runShards(_ count: Int, paths: [String] = [], in root: URL) throws -> [String] {
        try (1...count).map { index in
            let name = "shard-\(index)-of-\(count).json"
            let output = try run(["review", "--format", "json", "--shard", "\(index)/\(count)", "--output", name] + paths, in: root)
            #expect(output.status == 0 || output.status == 1, "shard \(index)/\(count): \(output.stderr)")
            return name
        }
    }

    @Test func mergingTheShardsGivesTheUnshardedReviewByteForByte() throws {
        let root = try Self.makeProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let unsharded = try Self.expectMergesEqualUnsharded(in: root)
        #expect(unsharded.status == 1, "the corpus holds rejected and invalid files: \(unsharded.stderr)")
        #expect(unsharded.stdout.contains(#""decision": "rejected""#) && unsharded.stdout.contains(#""decision": "invalid""#))
        #expect(unsharded.stdout.contains("Profiles/é-opérations/ünïcode-ledger.yaml"))
    }

    /// Runs `review --format json` over `paths`, then every shard of N = 1, 2, 3, 5 over the same paths,
    /// merges them (in both orders, to a file and to standard output) and expects the unsharded bytes
    /// and exit status. Returns the unsharded run.
    @discardableResult
    static func expectMergesEqualUnsharded(
        in root: URL, paths: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> (status: Int32, stdout: String, stderr: String) {
        let unsharded = try run(["review", "--format", "json"] + paths, in: root)
        #expect(unsharded.status == 0 || unsharded.status == 1, "\(unsharded.stderr)", sourceLocation: sourceLocation)
        for count in [1, 2, 3, 5] {
            let shards = try runShards(count, paths: paths, in: root)
            let first = try String(contentsOf: root.appendingPathComponent(shards[0]), encoding: .utf8)
            #expect(first.contains(#""shard": {"#) && first.contains(#""count": \#(count),"#), sourceLocation: sourceLocation)
            // Given in any order, the merge is the same document.
            for inputs in [shards, shards.reversed()] {
                let merged = try run(["merge"] + inputs + ["--output", "merged.json"], in: root)
                #expect(merged.status == unsharded.status, "N=\(count): \(merged.stderr)", sourceLocation: sourceLocation)
                let text = try String(contentsOf: root.appendingPathComponent("merged.json"), encoding: .utf8)
                #expect(text == unsharded.stdout, "merge of \(count) shards differs from the unsharded review", sourceLocation: sourceLocation)
            }
            let toStdout = try run(["merge"] + shards, in: root)
            #expect(toStdout.stdout == unsharded.stdout && toStdout.status == unsharded.status, sourceLocation: sourceLocation)
        }
        return unsharded
    }

    @Test func theSplitDoesNotDependOnTheDirectoryTheShardRunsFrom() throws {
        let root = try Self.makeProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let inside = root.appendingPathComponent("Profiles/finance-accounting")
        for index in 1...3 {
            let fromRoot = try Self.run(["review", "--format", "json", "--shard", "\(index)/3", "Profiles/finance-accounting"], in: root)
            let fromInside = try Self.run(["review", "--format", "json", "--shard", "\(index)/3", "."], in: inside)
            let rootFiles = Set(Self.reviewedFiles(fromRoot.stdout).map { String($0.dropFirst("Profiles/finance-accounting/".count)) })
            let insideFiles = Set(Self.reviewedFiles(fromInside.stdout))
            #expect(rootFiles == insideFiles, "shard \(index)/3")
            // Hashed as Profiles/finance-accounting/general-ledger-close.yaml: shard 3 of 3 (see ShardSelectorTests).
            #expect(rootFiles.contains("general-ledger-close.yaml") == (index == 3))
        }
    }

    static func reviewedFiles(_ json: String) -> [String] {
        json.matches(of: /\n      "file": "([^"]+)"/).map { String($0.output.1) }
    }

    @Test func mismatchedOverlappingAndIncompleteInputsExitTwo() throws {
        let root = try Self.makeProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let shards = try Self.runShards(3, in: root)
        func merge(_ inputs: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
            try Self.run(["merge"] + inputs + ["--output", "out.json"], in: root)
        }
        let missing = try merge([shards[0], shards[2]])
        #expect(missing.status == 2 && missing.stderr.contains("missing shard 2/3"), "\(missing.stderr)")
        let twice = try merge(shards + [shards[1]])
        #expect(twice.status == 2 && twice.stderr.contains("shard 2/3 is given twice"), "\(twice.stderr)")
        let otherN = try Self.runShards(2, in: root)
        let mixed = try merge([shards[0], shards[1], otherN[1]])
        #expect(mixed.status == 2 && mixed.stderr.contains("is shard 2/2 but"), "\(mixed.stderr)")

        // Another rubric: the same shard file with a different rubric hash.
        let original = try String(contentsOf: root.appendingPathComponent(shards[1]), encoding: .utf8)
        let sha = try #require(original.firstMatch(of: /"sha256": "([0-9a-f]{64})"/)?.output.1)
        try original.replacingOccurrences(of: String(sha), with: String(repeating: "0", count: 64))
            .write(to: root.appendingPathComponent("other-rubric.json"), atomically: true, encoding: .utf8)
        let rubric = try merge([shards[0], "other-rubric.json", shards[2]])
        #expect(rubric.status == 2 && rubric.stderr.contains("differ in their rubric"), "\(rubric.stderr)")
        #expect(rubric.stderr.contains("same Rubrics/"))

        // Unsharded documents over the same files overlap.
        _ = try Self.run(["review", "--format", "json", "--output", "all.json"], in: root)
        let overlap = try merge(["all.json", "all.json"])
        #expect(overlap.status == 2 && overlap.stderr.contains("is reviewed in both all.json and all.json"), "\(overlap.stderr)")
        let plainAndShard = try merge(["all.json", shards[0]])
        #expect(plainAndShard.status == 2 && plainAndShard.stderr.contains("all.json is not a shard"), "\(plainAndShard.stderr)")

        // A cut-short or edited input.
        let edited = original.replacingOccurrences(of: #""decision": "approved""#, with: #""decision": "rejected""#)
        try edited.write(to: root.appendingPathComponent("edited.json"), atomically: true, encoding: .utf8)
        if edited != original {
            let tampered = try merge([shards[0], "edited.json", shards[2]])
            #expect(tampered.status == 2 && tampered.stderr.contains("but their profiles hold"), "\(tampered.stderr)")
        }
        try "{\"tool\": ".write(to: root.appendingPathComponent("truncated.json"), atomically: true, encoding: .utf8)
        let truncated = try merge([shards[0], "truncated.json", shards[2]])
        #expect(truncated.status == 2 && truncated.stderr.contains("truncated.json:") && truncated.stderr.contains("not valid JSON"))
        let absent = try merge(["nope.json"])
        #expect(absent.status == 2 && absent.stderr.contains("cannot read nope.json"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out.json").path), "nothing is written on a failed merge")
    }

    @Test func aBadShardIsAUsageError() throws {
        for bad in ["0/2", "3/2", "two/3", "1/2000"] {
            let output = try CommandRunner.run(["review", "--shard", bad], environment: Self.environment)
            #expect(output.status == 2, "\(bad): \(output.stderr)")
            #expect(output.stderr.contains("--shard"), "\(bad): \(output.stderr)")
        }
    }

    @Test func anEmptyShardWritesAnEmptyPartAndReportShardsPartitionTheStatus() throws {
        let root = try Self.makeProject()
        defer { try? FileManager.default.removeItem(at: root) }
        // 16 files over 64 shards: most shards are empty, and merge still restores the whole review.
        let empty = try Self.run(["review", "--format", "json", "--shard", "64/64", "Profiles/clinical-nursing"], in: root)
        let nonEmpty = try Self.run(["review", "--format", "json", "--shard", "10/16", "Profiles/clinical-nursing"], in: root)
        #expect(empty.status == 0 && empty.stdout.contains(#""profiles": []"#), "\(empty.stderr)")
        #expect(nonEmpty.status == 0 && !nonEmpty.stdout.contains(#""profiles": []"#), "\(nonEmpty.stderr)")

        let all = try Self.run(["report", "--format", "json", "--out", "all"], in: root)
        #expect(all.status == 0, "\(all.stderr)")
        var files: [[String]] = []
        for index in 1...2 {
            let part = try Self.run(["report", "--format", "json", "--shard", "\(index)/2", "--out", "part-\(index)"], in: root)
            #expect(part.status == 0, "\(part.stderr)")
            files.append(try Self.statusFiles(root.appendingPathComponent("part-\(index)/status.json")))
        }
        let whole = try Self.statusFiles(root.appendingPathComponent("all/status.json"))
        #expect(!whole.isEmpty && Set(files[0]).isDisjoint(with: files[1]))
        #expect(Set(files[0] + files[1]) == Set(whole))
    }

    /// The distinct `"file": "…"` values of a status.json.
    static func statusFiles(_ url: URL) throws -> [String] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return Array(Set(text.matches(of: /"file": "([^"]+)"/).map { String($0.output.1) }))
    }
}
