import Foundation
import Panel
import ProfileLoading
import ProfileModel
import Testing

/// Real published frameworks, with their real flaws, through the whole pipeline.
@Suite("Real published ladders")
struct RealLaddersTests {
    static func reviewAll() throws -> ReviewRun {
        let repository = FileManager.default.temporaryDirectory.appendingPathComponent("rp-ladders-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: repository.appendingPathComponent(".git"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: repository) }
        for (index, url) in RealLadderConverter.files.enumerated() {
            let text = try RealLadderConverter.convert(url, index: index + 1)
            try text.write(to: repository.appendingPathComponent(url.lastPathComponent), atomically: true, encoding: .utf8)
        }
        let files = try ProfileDiscovery(workingDirectory: repository.path).discover(["."])
        let loaded = ProfileLoader(rubric: PanelTestSupport.rubric.loading).load(files)
        return PanelTestSupport.engine.review(loaded)
    }

    @Test func everyFrameworkLoadsAndIsReviewed() throws {
        let run = try Self.reviewAll()
        #expect(run.files.count == 11)
        for file in run.files {
            #expect(!file.isInvalid, "\(file.file): \(file.diagnostics.map(\.message))")
            #expect(!file.levels.isEmpty)
        }
    }

    @Test func nearIdenticalLevelsOfEngineeringLaddersAreCaught() throws {
        let run = try Self.reviewAll()
        let ladder = try #require(run.files.first { $0.file.hasSuffix("engineeringladders_developer.json") })
        let second = try #require(ladder.levels.first { $0.level == "P2" })
        #expect(second.findings.contains { $0.rule == "near_duplicate_bullets" && $0.severity != .info },
                "\(second.findings.map { "\($0.rule): \($0.message)" })")
        #expect(second.decision == .rejected)
    }

    @Test func noRealFrameworkIsApprovedAsAJobProfile() throws {
        // These are growth frameworks, not job profiles: no domain pack, no pay, one source, generic
        // competency text. A skeptical panel must not approve any of their levels as written.
        let run = try Self.reviewAll()
        let approved = run.levelReviews.filter { $0.decision == .approved }
        #expect(approved.isEmpty, "\(approved.map(\.file))")
        for file in run.files {
            print("real ladder | \(file.file) | " + file.levels.map { review in
                "\(review.level) " + Dimension.allCases.map { ApprovalGate.format(review.scores[$0] ?? 0) }.joined(separator: "/")
            }.joined(separator: " | "))
        }
    }
}
