import Foundation
import ProfileModel
import Reviewers
import Testing

@Suite("Factual accuracy rules")
struct FactualAccuracyRulesTests {
    func findings(_ rule: any ReviewRule.Type, _ overlay: String, level: String? = nil) throws -> [Finding] {
        try ReviewTestSupport.scoringFindings(rule, overlay: overlay, level: level)
    }

    @Test func payOrderIsABlockerAtThePayNode() throws {
        let found = try findings(PayOrderRule.self,
                                 "levels:\n  - { code: M2, pay: { currency: USD, low: 110000, median: 103000, high: 127000 } }\n",
                                 level: "M2")
        #expect(found.count == 1)
        #expect(found.first?.severity == .blocker)
        #expect(found.first?.pointer?.description == "/levels/1/pay")
        #expect(found.first?.evidence.contains("110,000") == true)
    }

    @Test func payImplausibleChecksBoundsPerPeriodAndSpread() throws {
        let hourlyAsAnnual = "levels:\n  - { code: M1, pay: { currency: USD, period: hourly, low: 74000, median: 90000, high: 112000 } }\n"
        #expect(try findings(PayImplausibleRule.self, hourlyAsAnnual, level: "M1").count == 1)
        let wide = "levels:\n  - { code: M1, pay: { currency: USD, low: 30000, median: 90000, high: 112000 } }\n"
        #expect(try findings(PayImplausibleRule.self, wide, level: "M1").first?.severity == .major)
        let both = "levels:\n  - { code: M1, pay: { currency: EUR, low: 1000, median: 9000, high: 11200 } }\n"
        #expect(try findings(PayImplausibleRule.self, both, level: "M1").count == 2)
        let exactlyThree = "levels:\n  - { code: M1, pay: { currency: USD, low: 40000, median: 90000, high: 120000 } }\n"
        #expect(try findings(PayImplausibleRule.self, exactlyThree, level: "M1").isEmpty)
    }

    @Test func yearsGapWithinToleranceIsMinor() throws {
        let near = try findings(YearsOutsideCatalogueRule.self, "levels:\n  - { code: M3, years: { min: 13, max: 16 } }\n", level: "M3")
        #expect(near.map(\.severity) == [.minor])
        let far = try findings(YearsOutsideCatalogueRule.self, "levels:\n  - { code: M3, years: { min: 16, max: 20 } }\n", level: "M3")
        #expect(far.map(\.severity) == [.major])
    }

    @Test func experienceSubSpansAreAccepted() throws {
        func overlay(_ text: String) -> String { "levels:\n  - code: M3\n    guidelines:\n      experience: \(text)\n" }
        #expect(try findings(ExperienceTextMismatchRule.self, overlay("5–7+ years managing supervisors in a GMP plant."), level: "M3").isEmpty)
        #expect(try findings(ExperienceTextMismatchRule.self, overlay("Usually 8 to 12 years, including 2 to 3 years as a supervisor."), level: "M3").isEmpty)
        #expect(try findings(ExperienceTextMismatchRule.self, overlay("Usually 2 to 4 years in manufacturing."), level: "M3").count == 1)
        #expect(try findings(ExperienceTextMismatchRule.self, overlay("Usually 8 to 12 years, including 14 years leading teams."), level: "M3").count == 1)
        #expect(try findings(ExperienceTextMismatchRule.self, overlay("Usually 13 years in manufacturing."), level: "M3").isEmpty)
    }

    @Test func levelNameMismatchNamesTheCatalogueName() throws {
        let found = try findings(LevelNameMismatchRule.self, "levels:\n  - { code: M2, name: Senior Manager }\n", level: "M2")
        #expect(found.first?.message.contains("\"Manager II\"") == true)
    }

    @Test func unknownCodeIsReportedOnEveryLevelAndOtherSystemsAreInfo() throws {
        let overlay = "classifications:\n  - { system: O*NET-SOC, code: 51-1011.09, source: s1 }\n  - { system: ISCO-08, code: '3122', source: s1 }\n"
        let profile = try ExampleProfile.profile(applying: overlay)
        for level in ["M1", "M2", "M3"] {
            let outcome = ReviewTestSupport.run(UnknownClassificationCodeRule.self, on: profile, level: level)
            #expect(outcome.findings.filter { $0.severity == .blocker }.count == 1)
            #expect(outcome.findings.filter { $0.severity == .info }.count == 1)
            #expect(outcome.findings.first { $0.severity == .blocker }?.message.contains("51-1011.00 is First-Line") == true)
        }
    }

    @Test func professionalLevelMappedOnlyToManagementIsFlaggedBelowP4() throws {
        var profile = try #require(BundledProfilesFixture.profiles.first { $0.track.value == "professional" })
        let original = try #require(profile.classifications.first)
        profile.classifications = [Classification(
            system: "O*NET-SOC", code: Located("11-3051.00", at: original.code.location), source: nil,
            location: original.location)]
        for level in profile.levels {
            let rank = try #require(ReviewTestSupport.knowledge.catalogue.track(id: "professional")?.rank(of: level.code.value))
            let scoring = ReviewTestSupport.run(ClassificationLevelFitRule.self, on: profile, level: level.code.value)
                .findings.filter { $0.severity != .info }
            #expect(scoring.count == (rank < 3 ? 1 : 0), "\(level.code.value)")
        }
    }

    @Test func entityMisattributionNeedsANearbyForeignVendor() throws {
        func overlay(_ text: String) -> String { "levels:\n  - code: M1\n    guidelines:\n      knowledge: \(text)\n" }
        let far = overlay("Runs HyPerforma S.U.B. bioreactors for the shift and the single-use bags bought from Sartorius.")
        #expect(try findings(EntityMisattributionRule.self, far, level: "M1").isEmpty)
        let swap = overlay("Replaced Cytiva Xcellerex XDR units with HyPerforma S.U.B. units on one shift.")
        #expect(try findings(EntityMisattributionRule.self, swap, level: "M1").isEmpty)
        let alias = overlay("Runs GE Healthcare Biostat STR bioreactors on one shift.")
        let found = try findings(EntityMisattributionRule.self, alias, level: "M1")
        #expect(found.count == 1)
        #expect(found.first?.message.contains("Sartorius product, not Cytiva") == true)
    }

    @Test func sourceDatesBeforeTheEarliestYearAreMinor() throws {
        let profile = try ExampleProfile.profile(applying: "")
        #expect(ReviewTestSupport.run(SourceDateInvalidRule.self, on: profile).findings.isEmpty)
        let old = try findings(SourceDateInvalidRule.self, ExampleSourcesForTests.withFirstRetrieved("1990-05-01"))
        #expect(old.map(\.severity) == [.minor])
        let future = try findings(SourceDateInvalidRule.self, ExampleSourcesForTests.withFirstRetrieved("2026-11-25"))
        #expect(future.map(\.severity) == [.major])
    }

    @Test func removingSourcesBlocksEveryUnsourcedLayer() throws {
        let overlay = "sources:\n  - { id: s1, title: O*NET 51-1011.00, publisher: O*NET, url: 'https://www.onetonline.org/', retrieved: 2026-11-20, supports: [classifications] }\n  - { id: s2, title: O*NET 11-3051.00, publisher: O*NET, url: 'https://www.onetonline.org/x', retrieved: 2026-11-20, supports: [classifications] }\n"
        let found = try findings(UnsourcedLayerRule.self, overlay, level: "M1")
        #expect(found.count == 5)
        #expect(found.allSatisfy { $0.severity == .blocker })
    }

    @Test func unusedSourceIsInfoOnly() throws {
        let overlay = "classifications: []\n" + ExampleSourcesForTests.plain
        let profile = try ExampleProfile.profile(applying: overlay)
        let findings = ReviewTestSupport.run(UnusedSourceRule.self, on: profile).findings
        #expect(findings.map(\.severity) == [.info])
    }
}

/// Source lists for the tests above (the rules' own example lists are internal to the module).
enum ExampleSourcesForTests {
    static let plain = """
        sources:
          - { id: s1, title: 'O*NET OnLine summary', publisher: O*NET, url: 'https://www.onetonline.org/link/summary/51-1011.00', retrieved: 2026-11-20, supports: [summary, skills, guidelines, responsibilities, pay] }
          - { id: s2, title: 'O*NET OnLine summary 2', publisher: O*NET, url: 'https://www.onetonline.org/link/summary/11-3051.00', retrieved: 2026-11-20, supports: [classifications] }

        """

    static func withFirstRetrieved(_ date: String) -> String {
        plain.replacingFirst("retrieved: 2026-11-20", with: "retrieved: \(date)")
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
