import Foundation
import Panel
import ProfileLoading
import Testing

/// The review cache is never wrong: a hit gives exactly the cold run's output, every dependency
/// invalidates exactly the entries it affects, and a damaged cache file is ignored and rebuilt.
@Suite("Review cache")
struct ReviewCacheTests {
    static let all = CacheProject.files.sorted()

    /// A warm cache: one cold run, then every file is a hit.
    private func warmed() throws -> (CacheProject, String) {
        let project = try CacheProject()
        let (cold, coldStatistics) = try project.json(cache: project.cache())
        #expect(coldStatistics.cacheMisses.sorted() == Self.all)
        let (warm, statistics) = try project.json(cache: project.cache())
        #expect(statistics.cacheHits.sorted() == Self.all && statistics.cacheMisses.isEmpty)
        #expect(warm == cold)
        return (project, cold)
    }

    @Test func aHitGivesTheColdRunsOutputByteForByte() throws {
        let (project, warm) = try warmed()
        let (uncached, _) = try project.json(cache: nil)
        #expect(warm == uncached)
        #expect(project.entryFiles().count == CacheProject.files.count)
    }

    @Test func changingAProfilesBytesMissesOnlyThatProfile() throws {
        let (project, _) = try warmed()
        try project.touch(CacheProject.software)
        let (output, statistics) = try project.json(cache: project.cache())
        #expect(statistics.cacheMisses == [CacheProject.software])
        #expect(statistics.cacheHits.sorted() == [CacheProject.upstream, CacheProject.quality].sorted())
        #expect(output == (try project.json(cache: nil).0))
    }

    @Test(arguments: ["Rubrics/panel.yaml", "Rubrics/lexicons/boilerplate.yaml", "Rubrics/levels.yaml",
                      "Rubrics/profile.schema.json", "Rubrics/reference/onet/occupation-data.tsv"])
    func changingASharedRubricFileMissesEveryProfile(_ file: String) throws {
        let (project, _) = try warmed()
        if file.hasSuffix(".json") {
            // JSON takes no comment: add an unused definition instead.
            let text = try project.read(file)
            try project.write(file, text.replacingOccurrences(of: "\"$schema\"", with: "\"$comment\": \"edited\",\n  \"$schema\""))
        } else if file.hasSuffix(".tsv") {
            try project.write(file, try project.read(file) + "\n")
        } else {
            try project.touch(file)
        }
        let (output, statistics) = try project.json(cache: project.cache())
        #expect(statistics.cacheHits.isEmpty, "\(file): \(statistics.cacheHits)")
        #expect(statistics.cacheMisses.sorted() == Self.all)
        #expect(output == (try project.json(cache: nil).0))
    }

    /// Waivers apply in FINALIZE, to the cached LOCAL findings: a new waiver keeps every entry warm,
    /// and its effect (here: the waiver matches nothing, so each level gets a `waiver_unmatched`
    /// major finding) is the same through the cache as without it.
    @Test func editingTheWaiversKeepsTheCacheWarmAndTakesEffect() throws {
        let (project, before) = try warmed()
        try project.write("Rubrics/waivers.yaml", """
            schema: review-profile/waivers/v1
            waivers:
              - profile: MANUFA3.MANUFACT13A2.M1
                rule: vague_language
                reason: The upstream team uses this wording on purpose, agreed with the rubric owners.
                approved_by: rubric-owners
                expires: 2099-12-31

            """)
        let (output, statistics) = try project.json(cache: project.cache())
        #expect(statistics.cacheMisses.isEmpty, "\(statistics.cacheMisses)")
        #expect(statistics.cacheHits.sorted() == Self.all)
        #expect(output != before)
        #expect(output.contains("waiver_unmatched"))
        #expect(output == (try project.json(cache: nil).0))
    }

    @Test func changingADomainPackMissesOnlyTheProfilesOfThatDomain() throws {
        let (project, _) = try warmed()
        try project.touch("Rubrics/domains/biomanufacturing.yaml")
        let (_, statistics) = try project.json(cache: project.cache())
        #expect(statistics.cacheMisses.sorted() == [CacheProject.upstream, CacheProject.quality].sorted())
        #expect(statistics.cacheHits == [CacheProject.software])
        try project.touch("Rubrics/domains/software-engineering.yaml")
        let (output, again) = try project.json(cache: project.cache())
        #expect(again.cacheMisses == [CacheProject.software])
        #expect(output == (try project.json(cache: nil).0))
    }

    @Test func aContentChangeToADomainPackChangesTheOutputThroughTheCache() throws {
        let (project, before) = try warmed()
        // Dropping the pack's vocabulary must show in the review, not be hidden by a stale entry.
        let pack = "Rubrics/domains/software-engineering.yaml"
        try project.write(pack, try project.read(pack).replacingOccurrences(of: "Kubernetes", with: "Kubernetez"))
        let (after, statistics) = try project.json(cache: project.cache())
        #expect(statistics.cacheMisses == [CacheProject.software])
        #expect(after == (try project.json(cache: nil).0))
        #expect(after != before)
    }

    @Test func anotherToolVersionMissesEveryEntry() throws {
        let (project, cold) = try warmed()
        let (output, statistics) = try project.json(cache: project.cache(toolVersion: "99.0.0-test"))
        #expect(statistics.cacheHits.isEmpty && statistics.cacheMisses.sorted() == Self.all)
        #expect(output == cold)
        // The entries were rewritten for the new version, so it now hits; the old version misses.
        #expect(try project.json(cache: project.cache(toolVersion: "99.0.0-test")).1.cacheMisses.isEmpty)
        #expect(try project.json(cache: project.cache()).1.cacheMisses.sorted() == Self.all)
    }

    enum Damage: String, CaseIterable, CustomTestStringConvertible {
        case garbage, truncated, flippedByte, empty, otherFormat, appended
        var testDescription: String { rawValue }

        func apply(to bytes: [UInt8]) -> [UInt8] {
            switch self {
            case .garbage: return Array("not a cache entry at all, just text\n".utf8) + [UInt8](repeating: 0xff, count: 200)
            case .truncated: return Array(bytes.prefix(bytes.count / 2))
            case .flippedByte:
                var copy = bytes
                copy[copy.count / 2] ^= 0x40
                return copy
            case .empty: return []
            case .otherFormat: return Array("RPINDEX1".utf8) + bytes.dropFirst(8)
            case .appended: return bytes + [0]
            }
        }
    }

    @Test(arguments: Damage.allCases)
    func aDamagedEntryIsIgnoredAndRebuilt(_ damage: Damage) throws {
        let (project, cold) = try warmed()
        let entry = try project.entryFile(for: CacheProject.upstream)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: entry)))
        try Data(damage.apply(to: bytes)).write(to: URL(fileURLWithPath: entry))
        let (output, statistics) = try project.json(cache: project.cache())
        #expect(statistics.cacheMisses == [CacheProject.upstream])
        #expect(output == cold)
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: entry))) == bytes, "the entry is rewritten intact")
        #expect(try project.json(cache: project.cache()).1.cacheMisses.isEmpty)
    }

    @Test func anEntryUnderAnotherFilesKeyIsNotTrusted() throws {
        // An intact entry of another file copied over this file's entry: valid frame, wrong content.
        let (project, cold) = try warmed()
        let software = try project.entryFile(for: CacheProject.software)
        let upstream = try project.entryFile(for: CacheProject.upstream)
        try FileManager.default.removeItem(atPath: upstream)
        try FileManager.default.copyItem(atPath: software, toPath: upstream)
        let (output, statistics) = try project.json(cache: project.cache())
        #expect(statistics.cacheMisses == [CacheProject.upstream])
        #expect(output == cold)
    }

    @Test func invalidFilesAreCachedWithTheirDiagnostics() throws {
        let project = try CacheProject()
        try project.write("Profiles/broken.yaml", "id: [unclosed\n")
        try project.write("Profiles/schema-bad.yaml", "schema: review-profile/v1\nid: lower.case\n")
        let (uncached, _) = try project.json(cache: nil)
        _ = try project.json(cache: project.cache())
        let (warm, statistics) = try project.json(cache: project.cache())
        #expect(statistics.cacheHits.contains("Profiles/broken.yaml") && statistics.cacheHits.contains("Profiles/schema-bad.yaml"))
        #expect(warm == uncached)
        #expect(warm.contains("\"errors\""))
    }

    @Test func aFullRunPrunesEntriesItDidNotUse() throws {
        let (project, _) = try warmed()
        let stale = project.entryFiles()
        try project.touch(CacheProject.software)
        _ = try project.json(cache: project.cache())
        let now = project.entryFiles()
        #expect(now.count == CacheProject.files.count)
        #expect(Set(stale).subtracting(now).count == 1, "the old entry of the edited profile is gone")
        // A run over a subset keeps the others' entries.
        try project.touch(CacheProject.quality)
        _ = try project.json([CacheProject.quality], cache: project.cache())
        #expect(project.entryFiles().count == CacheProject.files.count + 1)
    }

    @Test func concurrentRunsLeaveACacheThatIsIntact() async throws {
        let project = try CacheProject()
        let (cold, _) = try project.json(cache: nil)
        try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<4 { group.addTask { try project.json(cache: project.cache()).0 } }
            for try await output in group { #expect(output == cold) }
        }
        let (warm, statistics) = try project.json(cache: project.cache())
        #expect(statistics.cacheMisses.isEmpty)
        #expect(warm == cold)
    }
}
