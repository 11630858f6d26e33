import Foundation
import Testing

/// `review --shard K/N` and `merge` with a `Rubrics/waivers.yaml`: each shard judges the waivers of
/// its own files (a waiver of another shard's profile is "not checked" there), and the merge must
/// judge them as the unsharded run does, byte for byte and with its exit status.
@Suite("review --shard K/N and merge with waivers, run as processes")
struct ShardMergeWaiverTests {
    static func waiver(_ scope: String, rule: String, match: String? = nil, expires: String = "2027-06-30") -> String {
        var entry = "  - profile: \(scope)\n    rule: \(rule)\n"
        if let match { entry += "    match: \(match)\n" }
        return entry + """
                reason: Accepted on purpose by the rubric owners for this test project.
                approved_by: rubric-owners
                expires: \(expires)

            """
    }

    /// (a) waives a blocker of `degraded.yaml` only (the other files of that profile have no such finding);
    /// (b) expired before the review date (2026-11-24); (c) names a profile no file holds, its match
    /// text quoted; (d) names a level its (reviewed) profile lacks.
    static let waivers = "schema: review-profile/waivers/v1\nwaivers:\n"
        + waiver("MANUFA3.MANUFACT13A2.M2", rule: "unknown_classification_code", match: "51-9999.00")
        + waiver("FINACC1.FINACCT02A1", rule: "vague_language", expires: "2026-01-01")
        + waiver("NOPE1.NOPE2", rule: "vague_language", match: #""as \"needed\"""#)
        + waiver("LOGIST2.LOGISTIC04A1.M6", rule: "vague_language")

    static func writeWaivers(_ text: String, in root: URL) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent("Rubrics/waivers.yaml"))
    }

    @Test func mergingShardsWithWaiversGivesTheUnshardedReviewAndExitStatus() throws {
        let root = try ShardMergeTests.makeProject()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.writeWaivers(Self.waivers, in: root)
        let unsharded = try ShardMergeTests.expectMergesEqualUnsharded(in: root)
        #expect(unsharded.status == 1)
        let text = unsharded.stdout
        #expect(text.contains(#""waived_findings": 1,"#), "waiver (a) applies once")
        #expect(text.contains(#""rule": "waiver_expired""#), "waiver (b) is a finding")
        #expect(text.contains(#""kind": "profile_not_reviewed",\#n        "fails_run": true,"#), "waiver (c) fails the whole-corpus run")
        #expect(text.contains("no reviewed profile has the id NOPE1.NOPE2"))
        #expect(text.contains(#""kind": "level_not_in_profile""#) && text.contains("profile LOGIST2.LOGISTIC04A1 has no level M6"))
        #expect(text.ranges(of: #""kind": "#).count == 2, "only (c) and (d) are run problems")

        // The shards' waivers differ from the whole run's (the shard files of N = 5 are left by the
        // merges above): no shard can check (c), some cannot check (a), and only one applies (a).
        let parts = try (1...5).map { index in
            try String(contentsOf: root.appendingPathComponent("shard-\(index)-of-5.json"), encoding: .utf8)
        }
        #expect(parts.contains { $0.contains("not checked: profile MANUFA3.MANUFACT13A2 is not in this run") })
        #expect(parts.allSatisfy { $0.contains("not checked: profile NOPE1.NOPE2 is not in this run") })
        #expect(parts.count { $0.contains(#""waived_findings": 1,"#) } == 1)
    }

    /// On the bundled profiles (every one approved) only the waivers decide the exit status.
    @Test func onlyAStaleWaiverFailsTheMergeAsItFailsTheUnshardedRun() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rp-shard-waiver-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for name in ["Rubrics", "Profiles"] {
            try FileManager.default.copyItem(
                at: CommandRunner.packageRoot.appendingPathComponent(name), to: root.appendingPathComponent(name)
            )
        }
        try Self.writeWaivers(
            "schema: review-profile/waivers/v1\nwaivers:\n"
                + Self.waiver("FINACC1.FINACCT02A1", rule: "vague_language", expires: "2026-01-01")
                + Self.waiver("NOPE1.NOPE2", rule: "vague_language"),
            in: root
        )
        // The whole of Profiles/: the waiver of a profile no file holds is stale, and fails the run.
        let whole = try ShardMergeTests.expectMergesEqualUnsharded(in: root)
        #expect(whole.status == 1 && !whole.stdout.contains(#""decision": "rejected""#), "\(whole.stdout)")
        #expect(whole.stdout.contains("no reviewed profile has the id NOPE1.NOPE2"))
        // Some profiles: it cannot be checked, and is only listed.
        let selection = try ShardMergeTests.expectMergesEqualUnsharded(
            in: root, paths: ["Profiles/finance-accounting", "Profiles/logistics-operations"]
        )
        #expect(selection.status == 0, "\(selection.stdout)")
        #expect(selection.stdout.contains(#""fails_run": false"#) && selection.stdout.contains("not checked: profile NOPE1.NOPE2"))
    }
}
