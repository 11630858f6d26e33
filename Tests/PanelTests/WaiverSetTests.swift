import LocatedDocument
import Panel
import ProfileModel
import Testing

/// `WaiverSet.apply` and `problems` as pure functions over hand-made findings.
@Suite("Waiver application")
struct WaiverSetTests {
    static let profile = "MANUFA3.MANUFACT13A2"
    static let today = "2026-11-24"
    static let penalties: [Severity: Double] = [.blocker: 4, .major: 1, .minor: 0.5, .info: 0]

    static func finding(_ rule: String, _ severity: Severity = .major, evidence: String = "e", line: Int = 10) -> Finding {
        Finding(rule: rule, dimension: .concreteness, severity: severity, message: "m", file: "Profiles/p.yaml",
                location: SourceLocation(line: line, column: 3), evidence: evidence)
    }

    static func waiver(
        _ scope: String = "MANUFA3.MANUFACT13A2.M2", rule: String = "vague_language", match: String? = nil,
        expires: String = "2027-01-31", line: Int = 5
    ) -> Waiver {
        let parts = scope.split(separator: ".").map(String.init)
        return Waiver(
            profileID: parts[0] + "." + parts[1], levelCode: parts.count == 3 ? parts[2] : nil, rule: rule,
            dimension: .concreteness, match: match, reason: "The SOP quotes this phrase verbatim on purpose.",
            approvedBy: "jane.doe@example.com", expires: expires, file: "Rubrics/waivers.yaml",
            location: SourceLocation(line: line, column: 5), pointer: JSONPointer([.key("waivers"), .index(line)])
        )
    }

    static func levels(_ findings: [String: [Finding]]) -> [WaiverSet.LevelFindings] {
        ["M1", "M2", "M3"].map { WaiverSet.LevelFindings(levelProfileID: "\(profile).\($0)", findings: findings[$0] ?? []) }
    }

    static func apply(_ waivers: [Waiver], _ findings: [String: [Finding]], today: String = today) -> [WaiverSet.LevelOutcome] {
        WaiverSet(waivers: waivers).apply(to: levels(findings), profileID: profile, today: today)
    }

    @Test func anAppliedWaiverMarksTheFindingWhichThenCostsNoPointsAndBlocksNothing() {
        let blocker = Self.finding("vague_language", .blocker)
        let outcome = Self.apply([Self.waiver()], ["M2": [blocker, Self.finding("bullet_length", .minor)]])
        let m2 = outcome[1]
        #expect(m2.waiverFindings.isEmpty)
        #expect(m2.findings.count == 2, "a waived finding is still reported")
        let waived = m2.findings[0]
        #expect(waived.waiver?.approvedBy == "jane.doe@example.com")
        #expect(waived.waiver?.expires == "2027-01-31")
        #expect(waived.waiver?.location == SourceLocation(line: 5, column: 5))
        #expect(waived.waiver?.scope == "MANUFA3.MANUFACT13A2.M2")
        #expect(!m2.findings[1].isWaived, "another rule's finding is not waived")
        #expect(ReviewerScoring.penalty(of: m2.findings, penalties: Self.penalties) == 0.5)
        #expect(ReviewerScoring.reviewerScore([blocker], penalties: Self.penalties) == 1)
        #expect(ReviewerScoring.reviewerScore([waived], penalties: Self.penalties) == 5)
    }

    @Test func aWaiverOnALevelProfileLeavesTheOtherLevelsAlone() {
        let outcome = Self.apply([Self.waiver()], ["M1": [Self.finding("vague_language")], "M2": [Self.finding("vague_language")]])
        #expect(!outcome[0].findings[0].isWaived)
        #expect(outcome[1].findings[0].isWaived)
        #expect(outcome.allSatisfy { $0.waiverFindings.isEmpty })
    }

    @Test func aWaiverOnAProfileCoversEveryLevelAndIsMatchedWhenAnyLevelHasTheFinding() {
        let outcome = Self.apply([Self.waiver(Self.profile)], ["M1": [Self.finding("vague_language")], "M3": [Self.finding("vague_language")]])
        #expect(outcome[0].findings[0].isWaived)
        #expect(outcome[2].findings[0].isWaived)
        #expect(outcome[0].findings[0].waiver?.scope == Self.profile)
        #expect(outcome.allSatisfy { $0.waiverFindings.isEmpty }, "M2 has no finding, but the waiver matched on M1 and M3")
    }

    @Test func anExpiredWaiverIsNotAppliedAndIsAMajorFindingAtItsEntry() throws {
        let outcome = Self.apply([Self.waiver(expires: "2026-11-23")], ["M2": [Self.finding("vague_language")]])
        #expect(!outcome[1].findings[0].isWaived)
        #expect(outcome[1].waiverFindings.count == 1)
        let expired = try #require(outcome[1].waiverFindings.first)
        #expect(expired.waivedRule == "vague_language")
        #expect(expired.finding.rule == WaiverRule.expired.id)
        #expect(expired.finding.severity == .major)
        #expect(expired.finding.dimension == .concreteness)
        #expect(expired.finding.file == "Rubrics/waivers.yaml")
        #expect(expired.finding.location == SourceLocation(line: 5, column: 5))
        #expect(expired.finding.message.contains("expired on 2026-11-23"))
        #expect(!expired.finding.isWaived)
        #expect(outcome[0].waiverFindings.isEmpty && outcome[2].waiverFindings.isEmpty, "only the level it names")
    }

    @Test func aWaiverHoldsThroughItsExpiryDay() {
        let outcome = Self.apply([Self.waiver(expires: Self.today)], ["M2": [Self.finding("vague_language")]])
        #expect(outcome[1].findings[0].isWaived)
        #expect(outcome[1].waiverFindings.isEmpty)
    }

    @Test func aWaiverThatMatchesNothingIsAMajorFindingOnEveryLevelItNames() {
        let level = Self.apply([Self.waiver()], ["M2": [Self.finding("bullet_length")]])
        #expect(level[1].waiverFindings.map(\.finding.rule) == [WaiverRule.unmatched.id])
        #expect(level[1].waiverFindings.first?.finding.severity == .major)
        #expect(level[0].waiverFindings.isEmpty && level[2].waiverFindings.isEmpty)

        let profileWide = Self.apply([Self.waiver(Self.profile)], ["M2": [Self.finding("bullet_length")]])
        #expect(profileWide.map { $0.waiverFindings.map(\.finding.rule) } == Array(repeating: [WaiverRule.unmatched.id], count: 3))
        #expect(profileWide[0].waiverFindings.first?.finding.message.contains("any level of \(Self.profile)") == true)
    }

    @Test func matchLimitsTheWaiverToEvidenceThatContainsIt() {
        let findings = [Self.finding("vague_language", evidence: "as needed", line: 1), Self.finding("vague_language", evidence: "various", line: 2)]
        let outcome = Self.apply([Self.waiver(match: "as needed")], ["M2": findings])
        #expect(outcome[1].findings.map(\.isWaived) == [true, false])
        #expect(outcome[1].findings[0].waiver?.match == "as needed")
        let none = Self.apply([Self.waiver(match: "As Needed")], ["M2": findings])
        #expect(none[1].findings.allSatisfy { !$0.isWaived }, "matching is case-sensitive")
        #expect(none[1].waiverFindings.map(\.finding.rule) == [WaiverRule.unmatched.id])
    }

    @Test func infoFindingsAreNeverWaivedSoAWaiverOnThemIsUnmatched() {
        let outcome = Self.apply([Self.waiver()], ["M2": [Self.finding("vague_language", .info)]])
        #expect(!outcome[1].findings[0].isWaived)
        #expect(outcome[1].waiverFindings.map(\.finding.rule) == [WaiverRule.unmatched.id])
    }

    @Test func theFirstMatchingWaiverInFileOrderIsShownAndBothCountAsMatched() {
        let outcome = Self.apply([Self.waiver(line: 5), Self.waiver(Self.profile, line: 9)], ["M2": [Self.finding("vague_language")]])
        #expect(outcome[1].findings[0].waiver?.location.line == 5)
        #expect(outcome.allSatisfy { $0.waiverFindings.isEmpty })
    }

    @Test func waiversForOtherProfilesDoNotApply() {
        let outcome = WaiverSet(waivers: [Self.waiver("OTHER1.FOCUS1.M2")]).apply(to: Self.levels(["M2": [Self.finding("vague_language")]]),
                                                                               profileID: Self.profile, today: Self.today)
        #expect(!outcome[1].findings[0].isWaived)
        #expect(outcome.allSatisfy { $0.waiverFindings.isEmpty })
    }

    @Test func theGateIgnoresAWaivedBlocker() throws {
        let profile = try PanelTestSupport.profile(PanelTestSupport.document("Profiles/manufacturing-operations/production-supervision-upstream.yaml"))
        let gate = PanelTestSupport.rubric.policy.gate
        let scores = Dictionary(uniqueKeysWithValues: Dimension.allCases.map { ($0, 5.0) })
        var blocker = Self.finding("unknown_classification_code", .blocker)
        #expect(ApprovalGate.decide(scores: scores, findings: [blocker], profile: profile, gate: gate).0 == .rejected)
        blocker.waiver = Self.waiver().annotation
        #expect(ApprovalGate.decide(scores: scores, findings: [blocker], profile: profile, gate: gate).0 == .approved)
    }

    @Test func theRunReportsWaiversNoReviewedLevelProfileCanCarry() {
        let set = WaiverSet(waivers: [Self.waiver("MANUFA3.MANUFACT13A2.M6"), Self.waiver("OTHER1.FOCUS1"), Self.waiver()])
        let reviewed = [Self.profile: Set(["M1", "M2", "M3"].map { "\(Self.profile).\($0)" })]
        let partial = set.problems(reviewedLevels: reviewed, coverage: .selection)
        #expect(partial.map(\.kind) == [.levelNotInProfile, .profileNotReviewed])
        #expect(partial.map(\.failsRun) == [true, false], "an unreviewed profile fails only a run over every profile")
        let complete = set.problems(reviewedLevels: reviewed, coverage: .allProfiles)
        #expect(complete.map(\.failsRun) == [true, true])
        #expect(complete[0].message.contains("has no level M6"))
        #expect(complete.allSatisfy { $0.rule == .unmatched })
    }
}
