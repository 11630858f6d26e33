import Foundation
import LocatedDocument
import Panel
import ProfileLoading
import ProfileModel
import Testing

/// Waivers through the real rubric loader and review engine, on a degraded bundled profile.
@Suite("Waivers in the review engine")
struct WaiverEngineTests {
    static let file = "Profiles/manufacturing-operations/production-supervision-upstream.yaml"
    static let profileID = "MANUFA3.MANUFACT13A2"

    /// The upstream profile with an O*NET-SOC code that is no occupation: a blocker on every level.
    static func degraded() throws -> Profile {
        let text = try String(contentsOf: PanelTestSupport.packageRoot.appendingPathComponent(file), encoding: .utf8)
        let degraded = text.replacingOccurrences(of: "51-1011.00", with: "51-9999.00")
        precondition(degraded != text, "the degradation no longer applies")
        return try PanelTestSupport.profile(try YAMLReader.read(Array(degraded.utf8)), file: file)
    }

    static func waiver(_ scope: String, rule: String = "unknown_classification_code", expires: String = "2027-06-30",
                       extra: String = "") -> String {
        """
        waivers:
          - profile: \(scope)
            rule: \(rule)
            reason: The code is the employer's internal SOC extension, agreed with the O*NET liaison.
            approved_by: rubric-owners
            expires: \(expires)
        \(extra)
        """
    }

    @Test func aWaivedBlockerIsShownMarkedButNoLongerRejectsTheLevel() throws {
        let baseline = PanelTestSupport.engine.review(try Self.degraded())
        #expect(baseline.allSatisfy { $0.decision == .rejected })
        let copy = try WaiverRubricCopy(waivers: Self.waiver(Self.profileID))
        defer { copy.remove() }
        let rubric = try copy.load()
        #expect(rubric.sha256 != PanelTestSupport.rubric.sha256, "waivers.yaml is part of the rubric hash")
        let waived = ReviewEngine(rubric: rubric).review(try Self.degraded())
        let clean = PanelTestSupport.engine.review(try PanelTestSupport.profile(PanelTestSupport.document(Self.file), file: Self.file))
        for (level, cleanLevel) in zip(waived, clean) {
            let finding = try #require(level.findings.first { $0.rule == "unknown_classification_code" })
            #expect(finding.waiver?.approvedBy == "rubric-owners")
            #expect(finding.waiver?.file == "Rubrics/waivers.yaml")
            #expect(finding.waiver?.location.line == 3)
            #expect(level.decision == cleanLevel.decision, "\(level.id): \(level.gateReasons)")
            #expect(level.scores[.factualAccuracy] == cleanLevel.scores[.factualAccuracy], "points restored")
            #expect(!level.findings.contains { $0.rule.hasPrefix("waiver_") })
            let owner = try #require(level.reviewers.first { $0.rules.contains("unknown_classification_code") })
            #expect(owner.findings.contains { $0.isWaived })
        }
    }

    @Test func aLevelProfileWaiverCoversOnlyThatLevel() throws {
        let copy = try WaiverRubricCopy(waivers: Self.waiver("\(Self.profileID).M2"))
        defer { copy.remove() }
        let levels = ReviewEngine(rubric: try copy.load()).review(try Self.degraded())
        #expect(levels.map(\.level) == ["M1", "M2", "M3"])
        #expect(levels.map(\.decision) == [.rejected, .approved, .rejected])
        #expect(levels.map { $0.findings.contains { $0.isWaived } } == [false, true, false])
    }

    @Test func anExpiredWaiverCountsTheFindingAgainAndCostsAPointOnTheOwningReviewer() throws {
        let copy = try WaiverRubricCopy(waivers: Self.waiver("\(Self.profileID).M1", expires: "2026-11-23"))
        defer { copy.remove() }
        let levels = ReviewEngine(rubric: try copy.load()).review(try Self.degraded())
        let m1 = levels[0]
        #expect(m1.decision == .rejected)
        #expect(!m1.findings.contains { $0.isWaived })
        let expired = try #require(m1.findings.first { $0.rule == WaiverRule.expired.id })
        #expect(expired.severity == .major)
        #expect(expired.dimension == .factualAccuracy)
        #expect(expired.file == "Rubrics/waivers.yaml")
        #expect(expired.location == SourceLocation(line: 3, column: 5))
        #expect(expired.pointer?.description == "/waivers/0")
        let owner = try #require(m1.reviewers.first { $0.rules.contains("unknown_classification_code") })
        #expect(owner.findings.contains { $0.rule == WaiverRule.expired.id })
        #expect(!levels[1].findings.contains { $0.rule.hasPrefix("waiver_") })
    }

    @Test func anUnmatchedWaiverIsAMajorFindingThatCostsAPoint() throws {
        let copy = try WaiverRubricCopy(waivers: Self.waiver("\(Self.profileID).M3"))
        defer { copy.remove() }
        let profile = try PanelTestSupport.profile(PanelTestSupport.document(Self.file), file: Self.file)
        let clean = PanelTestSupport.engine.review(profile)[2]
        let m3 = ReviewEngine(rubric: try copy.load()).review(profile)[2]
        let unmatched = try #require(m3.findings.first { $0.rule == WaiverRule.unmatched.id })
        #expect(unmatched.severity == .major)
        #expect(unmatched.message.contains("matches no unknown_classification_code finding on \(Self.profileID).M3"))
        let reviewer = try #require(m3.reviewers.first { $0.rules.contains("unknown_classification_code") })
        let cleanReviewer = try #require(clean.reviewers.first { $0.id == reviewer.id })
        #expect(reviewer.score == cleanReviewer.score - 1)
    }

    @Test func theRunListsWaiversForLevelsOrProfilesItDidNotReview() throws {
        let copy = try WaiverRubricCopy(waivers: """
            waivers:
              - { profile: \(Self.profileID).M6, rule: vague_language, reason: "A level this ladder does not have at all.", approved_by: qa, expires: 2027-01-01 }
              - { profile: NOPE1.NOPE2, rule: vague_language, reason: "A profile that is not in this run at all.", approved_by: qa, expires: 2027-01-01 }
            """)
        defer { copy.remove() }
        let engine = ReviewEngine(rubric: try copy.load())
        let result = FileCheckResult(file: Self.file, profile: try PanelTestSupport.profile(PanelTestSupport.document(Self.file), file: Self.file), diagnostics: [])
        let selection = engine.review([result], coverage: .selection)
        #expect(selection.waiverProblems.map(\.kind) == [.levelNotInProfile, .profileNotReviewed])
        #expect(selection.failingWaiverProblems.count == 1)
        #expect(!selection.passed, "a waiver for a level the profile lacks fails the run")
        let all = engine.review([result], coverage: .allProfiles)
        #expect(all.failingWaiverProblems.count == 2)
    }

    @Test func coverageIsAllProfilesOnlyForTheProfilesDirectory() {
        let root = PanelTestSupport.packageRoot.path
        #expect(ReviewCoverage.of(paths: [], profilesDirectory: root + "/Profiles", workingDirectory: root) == .allProfiles)
        #expect(ReviewCoverage.of(paths: ["Profiles"], profilesDirectory: root + "/Profiles", workingDirectory: root) == .allProfiles)
        #expect(ReviewCoverage.of(paths: ["Profiles/"], profilesDirectory: root + "/Profiles", workingDirectory: root) == .allProfiles)
        #expect(ReviewCoverage.of(paths: [Self.file], profilesDirectory: root + "/Profiles", workingDirectory: root) == .selection)
    }

    @Test func theShippedWaiversFileLoadsAndIsEmpty() {
        #expect(PanelTestSupport.rubric.waivers.waivers.isEmpty)
        #expect(FileManager.default.fileExists(atPath: PanelTestSupport.packageRoot.appendingPathComponent("Rubrics/waivers.yaml").path))
    }

    @Test func withoutAWaiversFileThereAreNoWaivers() throws {
        let copy = try WaiverRubricCopy(waivers: "waivers: []\n")
        defer { copy.remove() }
        try FileManager.default.removeItem(at: copy.directory.appendingPathComponent("waivers.yaml"))
        #expect(try copy.load().waivers.waivers.isEmpty)
    }

    @Test(arguments: [
        (waiver("\(profileID).M1", rule: "no_such_rule"), "unknown rule \"no_such_rule\"", 4, 11),
        (waiver("\(profileID).M1", rule: "waiver_expired"), "cannot be waived", 4, 11),
        (waiver("\(profileID).X9"), "level \"X9\" is not in the level catalogue", 3, 14),
        (waiver("\(profileID).M1", expires: "2027-02-30"), "date", 7, 14),
        (waiver("manufa3.x"), "pattern", 3, 14),
        ("waivers:\n  - { profile: \(profileID), rule: vague_language, reason: too short, approved_by: qa, expires: 2027-01-01 }\n",
         "expected at least 20 characters", 3, 68),
        ("waivers:\n  - { profile: \(profileID), rule: vague_language, approved_by: qa, expires: 2027-01-01 }\n", "reason", 3, 5),
        ("waivers:\n  - { profile: \(profileID), rule: vague_language, reason: \"twenty characters or more\", approved_by: qa, expires: 2027-01-01, until: x }\n",
         "until", 3, 135),
        (waiver(profileID, extra: waiver(profileID).replacingOccurrences(of: "waivers:\n", with: "")), "repeats the one at line 3", 8, 5),
    ])
    func brokenWaiversAreConfigurationErrorsWithFileLineAndColumn(_ waivers: String, _ expected: String, _ line: Int, _ column: Int) throws {
        let copy = try WaiverRubricCopy(waivers: waivers)
        defer { copy.remove() }
        let error = try #require(copy.loadError(), "accepted: \(waivers)")
        #expect(error.message.contains(expected), "\(error.message)")
        #expect(error.file?.hasSuffix("/waivers.yaml") == true)
        #expect(error.line == line, "\(error.message)")
        #expect(error.column == column, "\(error.message)")
    }
}
