import ProfileModel
import Reviewers
import Testing

/// Edge cases of the level-differentiation, focus-specificity and concreteness rules beyond their
/// documented examples, and the bundled profiles as a false-positive check.
@Suite("Rules A: focused tests")
struct RulesAFocusedTests {
    @Test func copiedBulletsAttachToTheHigherLevelOnly() throws {
        let overlay = """
            levels:
              - code: M2
                responsibilities:
                  - Runs a single upstream shift from vial thaw and seed-train passages through N-1 and production bioreactors to harvest transfer.
                  - Assigns each associate on the shift to media preparation, bioreactor set-up, sampling or inoculation tasks.
                  - Supervises gowning, biosafety-cabinet manipulations and cleanroom cleaning in the team's own area.
                  - Checks pH, dissolved oxygen, viable cell concentration and viability results from the Vi-CELL and Cedex Bio.
            """
        let m1 = try ReviewTestSupport.scoringFindings(NearDuplicateBulletsRule.self, overlay: overlay, level: "M1")
        let m2 = try ReviewTestSupport.scoringFindings(NearDuplicateBulletsRule.self, overlay: overlay, level: "M2")
        #expect(m1.isEmpty)
        #expect(m2.count == 1 && m2[0].severity == .blocker)
        #expect(m2[0].message.contains("M1"))
    }

    @Test func scopeTermsMatchWholeWordsOnly() throws {
        // "upstream" must not count as the M3 scope term "manufacturing stream" or anything else.
        let overlay = """
            levels:
              - code: M3
                guidelines:
                  collaboration: Talks with upstream associates and QA about the upstream schedule and documentation.
            """
        let findings = try ReviewTestSupport.scoringFindings(LowerLevelScopeTermsRule.self, overlay: overlay, level: "M3")
        #expect(findings.isEmpty)
    }

    @Test func equalYearsAreFlaggedButOverlapIsNot() throws {
        let overlap = try ReviewTestSupport.scoringFindings(
            YearsNotRisingRule.self, overlay: "levels:\n  - { code: M2, years: { min: 4, max: 7 } }", level: "M2")
        let lower = try ReviewTestSupport.scoringFindings(
            YearsNotRisingRule.self, overlay: "levels:\n  - { code: M2, years: { min: 2, max: 6 } }", level: "M2")
        #expect(overlap.isEmpty)
        #expect(lower.count == 1)
    }

    @Test func payInAnotherCurrencyIsNotCompared() throws {
        let overlay = "levels:\n  - { code: M3, pay: { currency: EUR, low: 60000, median: 70000, high: 90000 } }"
        #expect(try ReviewTestSupport.scoringFindings(PayNotRisingRule.self, overlay: overlay, level: "M3").isEmpty)
    }

    @Test func vagueStemCollisionsAreIgnored() throws {
        // "timely" is vague; "hold times" and "release timing" are not, though the stemmer merges them.
        let overlay = """
            levels:
              - code: M1
                guidelines:
                  complexity: Tracks hold times and release timing for one shift and escalates anything non-standard.
            """
        #expect(try ReviewTestSupport.scoringFindings(VagueLanguageRule.self, overlay: overlay, level: "M1").isEmpty)
    }

    @Test func otherDutiesAsAssignedIsMajor() throws {
        let overlay = """
            levels:
              - code: M1
                guidelines:
                  complexity: Solves routine production problems with established fixes, and other duties as assigned.
            """
        let findings = try ReviewTestSupport.scoringFindings(VagueLanguageRule.self, overlay: overlay, level: "M1")
        #expect(findings.contains { $0.severity == .major })
    }

    @Test func misspeltDomainIsMinorAndMissingDomainIsInfo() throws {
        let profile = try ExampleProfile.profile(applying: "domain: biomanufactoring")
        let findings = ReviewTestSupport.run(NoDomainPackRule.self, on: profile).findings
        #expect(findings.map(\.severity) == [.minor])
        #expect(findings[0].location.line > 0)
    }

    @Test func standInNamedNearbyIsExcused() throws {
        let overlay = """
            levels:
              - code: M1
                responsibilities:
                  - Runs a single upstream shift from vial thaw through N-1 and production bioreactors to harvest transfer.
                  - Assigns each associate on the shift to media preparation, bioreactor set-up, sampling or inoculation tasks.
                  - Calibrates cell-counting equipment such as the Vi-CELL BLU before each sample point on the shift.
                  - Opens deviation records for events on the shift and protects equipment readiness for the next batch.
            """
        #expect(try ReviewTestSupport.scoringFindings(GenericStandInTermsRule.self, overlay: overlay, level: "M1").isEmpty)
    }

    @Test func decisionVerbsAreReadAtClauseStartsOnly() throws {
        // "own area" and "set-up" are not the verbs "own" and "set".
        let overlay = """
            levels:
              - code: M1
                responsibilities:
                  - Supervises bioreactor set-up and cleaning in the team's own area on a single upstream shift.
                  - Assigns each associate on the shift to media preparation, sampling or inoculation tasks.
                  - Checks pH, dissolved oxygen and viability results from the Vi-CELL at every sample point.
                  - Opens deviation records for events on the shift and follows the escalation matrix for alarms.
            """
        // M2 (approves, authors) must still rise above an M1 that only supervises.
        #expect(try ReviewTestSupport.scoringFindings(DecisionRightsNotRisingRule.self, overlay: overlay, level: "M2").isEmpty)
    }

    /// An M1 of three plain duties and `last`, the bullet under test, for the keyword-stuffing rule.
    private static func keywordFindings(last: String) throws -> [Finding] {
        let overlay = """
            levels:
              - code: M1
                responsibilities:
                  - Runs a single upstream shift from vial thaw through N-1 and production bioreactors to harvest transfer.
                  - Assigns each associate on the shift to media preparation, bioreactor set-up, sampling or inoculation tasks.
                  - Checks pH, dissolved oxygen and viability at every sample point of the shift.
                  - \(last)
            """
        return try ReviewTestSupport.scoringFindings(KeywordStuffingRule.self, overlay: overlay, level: "M1")
    }

    @Test func keywordListWithRepeatsIsMajor() throws {
        let findings = try Self.keywordFindings(
            last: "Bioreactor, bioreactor set-up, bioreactor sampling, bioreactor alarms, bioreactor logbooks, bioreactor SOPs.")
        #expect(findings.map(\.severity) == [.major])
    }

    /// The byte-offset fast path for ASCII gaps and the Character path for the others agree: a comma
    /// followed by a thin space (a non-ASCII gap) still ends an item; a fullwidth comma does not.
    @Test func keywordListGapsOutsideASCII() throws {
        let list = ["Bioreactors", "HyPerforma S.U.B.", "Biostat STR", "WAVE", "Vi-CELL", "Cedex Bio", "GMP", "SOPs", "batch records"]
        func findings(separator: String) throws -> [Finding] {
            try Self.keywordFindings(last: "\"\(list.joined(separator: separator))\"")
        }
        #expect(try findings(separator: ", ").map(\.severity) == [.minor])
        #expect(try findings(separator: ",\u{2009}").map(\.severity) == [.minor])
        #expect(try findings(separator: "\u{FF0C} ").isEmpty)
    }
}
