import ProfileModel
import Reviewers
import Testing

@Suite("Real-world coverage rules")
struct RealWorldCoverageRulesTests {
    func findings(_ rule: any ReviewRule.Type, _ overlay: String, level: String? = nil) throws -> [Finding] {
        try ReviewTestSupport.scoringFindings(rule, overlay: overlay, level: level)
    }

    /// Prints the measured O*NET coverage and topic coverage of the bundled profiles (calibration record)
    /// and checks the bundled shares clear the default minimum with margin.
    @Test func calibrationOnBundledProfiles() throws {
        for (profile, level, outcome) in BundledProfilesFixture.outcomes(OnetCoverageRule.self) where level == profile.levels.last?.code.value {
            let message = outcome.findings.first?.message ?? "-"
            print("onet_coverage \(profile.file): \(message)")
        }
        for (profile, level, outcome) in BundledProfilesFixture.outcomes(MissingTopicsRule.self) {
            print("missing_topics \(profile.file) \(level): " + outcome.findings.map(\.message).joined(separator: " | "))
        }
        for (profile, level, outcome) in BundledProfilesFixture.outcomes(SkillsNotTraceableRule.self) where level == profile.levels.last?.code.value {
            print("skills_not_traceable \(profile.file): \(outcome.findings.filter { $0.severity == .info }.count) untraceable of \(profile.skills.count)")
        }
    }

    @Test func missingTopicsIsGradedByCount() throws {
        let example = try #require(MissingTopicsRule.description.failingExamples.first)
        let found = try findings(MissingTopicsRule.self, example.overlay, level: "M1")
        #expect(found.map(\.severity) == [.blocker])
        // One topic gone from M3 (budget): drop every budget/cost word from M3's text.
        let profile = try ExampleProfile.profile(applying: "")
        let outcome = ReviewTestSupport.run(MissingTopicsRule.self, on: profile, level: "M3")
        #expect(outcome.checksRun == 10)
        #expect(outcome.findings.map(\.severity) == [.info])
    }

    @Test func missingTopicsFallsBackWithoutAPack() throws {
        let overlay = """
            domain: no-such-pack
            levels:
              - code: M1
                responsibilities: [Runs the upstream shift and keeps cultures growing.]
                guidelines:
                  knowledge: Knows cell culture.
                  complexity: Handles the problems of a day.
                  collaboration: Talks with the team.
                  experience: Usually 3 to 6 years.

            """
        let found = try findings(MissingTopicsRule.self, overlay, level: "M1")
        #expect(found.count == 1)
        #expect(found.first?.message.contains("no domain pack applies") == true)
        #expect(found.first?.severity == .major)
    }

    @Test func onetCoverageWithoutKnownOccupationIsMinor() throws {
        let found = try findings(OnetCoverageRule.self, "classifications:\n  - { system: SOC-2018, code: 51-1011, source: s1 }\n")
        #expect(found.map(\.severity) == [.minor])
        #expect(found.first?.message.contains("no occupation to compare against") == true)
    }

    @Test func skillsShareGradesMinorThenMajor() throws {
        let failing = try #require(SkillsNotTraceableRule.description.failingExamples.first)
        #expect(try findings(SkillsNotTraceableRule.self, failing.overlay).map(\.severity) == [.major])
        let oneOfThree = """
            skills:
              - { name: People Leadership, description: Coaches and trains associates and supervisors. }
              - { name: Bioreactor Operation, description: Controls single-use bioreactors in production runs. }
              - { name: Quantum Computing, description: Programs qubit hardware with quantum algorithms. }

            """
        #expect(try findings(SkillsNotTraceableRule.self, oneOfThree).map(\.severity) == [.minor])
    }

    @Test func levelUsingNoSkillIsFlagged() throws {
        let overlay = """
            skills:
              - { name: Quantum Computing, description: Programs qubit hardware with quantum algorithms. }
              - { name: Bioreactor Operation, description: Controls single-use bioreactors in production runs. }
              - { name: People Leadership, description: Coaches and trains associates and supervisors. }
              - { name: Tax Filing, description: Files corporate tax returns. }
            levels:
              - code: M1
                responsibilities: [Opens deviation records for events on the shift.]

            """
        let found = try findings(SkillsNotTraceableRule.self, overlay, level: "M1")
        #expect(found.contains { $0.message.contains("None of M1's 1 responsibilities") })
    }

    @Test func publishersAreCountedOnceDespiteQualifiers() throws {
        let overlay = """
            sources:
              - { id: s1, title: O*NET 51-1011.00, publisher: U.S. Food and Drug Administration (eCFR), url: 'https://a.example/1', retrieved: 2026-11-20, supports: [summary, classifications, skills, pay] }
              - { id: s2, title: O*NET 11-3051.00, publisher: u.s. food and drug  administration, url: 'https://a.example/2', retrieved: 2026-11-20, supports: [guidelines, responsibilities] }
              - { id: s3, title: BLS, publisher: U.S. Bureau of Labor Statistics, url: 'https://a.example/3', retrieved: 2026-11-20, supports: [pay] }

            """
        #expect(try findings(FewIndependentSourcesRule.self, overlay).map(\.severity) == [.minor])
    }

    @Test func onePublisherAloneIsABlocker() throws {
        let overlay = """
            sources:
              - { id: s1, title: A, publisher: Example Corp, url: 'https://a.example/1', retrieved: 2026-11-20, supports: [summary, classifications, skills, pay, guidelines, responsibilities] }
              - { id: s2, title: B, publisher: example corp, url: 'https://a.example/2', retrieved: 2026-11-20, supports: [pay] }

            """
        #expect(try findings(FewIndependentSourcesRule.self, overlay).map(\.severity) == [.blocker])
    }
}
