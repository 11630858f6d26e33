import ProfileModel
import Reviewers
import Testing

/// The engine runs a `ProfileWideRule` once per profile and hands its outcome to every level, so a
/// rule may conform only when no level could get another answer. These tests run each conforming
/// rule on every level itself and compare.
@Suite("Profile-wide rules")
struct ProfileWideRuleTests {
    static let cases = RuleRegistry.all.filter { $0.isProfileWide }.map { RuleCase(id: $0.description.id) }

    /// The profiles a rule is compared on: the bundled ones, and the example profile with each of the
    /// rule's failing overlays applied, so the outcomes compared hold findings.
    static func profiles(for rule: any ReviewRule.Type) throws -> [Profile] {
        try BundledProfilesFixture.profiles + rule.description.failingExamples.map { try ExampleProfile.profile(applying: $0.overlay) }
    }

    /// The outcome on each level, as one comparable line per level.
    static func outcomesByLevel(_ rule: any ReviewRule.Type, on profile: Profile) -> [String] {
        profile.levels.map { level in
            let outcome = ReviewTestSupport.run(rule, on: profile, level: level.code.value)
            let findings = outcome.findings.map { finding in
                "[\(finding.severity)] \(finding.message) @\(finding.location.line):\(finding.location.column) "
                    + "\(finding.pointer?.description ?? "-") \(finding.evidence) \(finding.suggestion ?? "-")"
            }
            return "checks \(outcome.checksRun): " + findings.joined(separator: " | ")
        }
    }

    @Test func theSourceAndClassificationRulesAreProfileWide() {
        let ids = Set(Self.cases.map(\.id))
        #expect(ids.isSuperset(of: ["unused_source", "source_date_invalid", "few_independent_sources", "unsourced_layer"]))
        #expect(!ids.contains("bullet_length") && !ids.contains("decision_rights_not_rising"))
    }

    @Test(arguments: cases)
    func everyLevelGetsTheSameOutcome(_ ruleCase: RuleCase) throws {
        var sawFinding = false
        for profile in try Self.profiles(for: ruleCase.rule) where profile.levels.count > 1 {
            let outcomes = Self.outcomesByLevel(ruleCase.rule, on: profile)
            #expect(Set(outcomes).count == 1, "\(ruleCase.id) differs between the levels of \(profile.file):\n\(outcomes.joined(separator: "\n"))")
            sawFinding = sawFinding || outcomes.contains { $0.contains("[") }
        }
        #expect(sawFinding, "\(ruleCase.id): no compared profile had a finding, so the comparison proved little")
    }

    /// The comparison can fail: a per-level rule gives its levels different outcomes.
    @Test func aPerLevelRuleDiffersBetweenLevels() throws {
        let rule = try #require(RuleRegistry.rule(id: "bullet_length"))
        let isProfileWide = rule.isProfileWide
        #expect(!isProfileWide)
        let differing = BundledProfilesFixture.profiles.filter { Set(Self.outcomesByLevel(rule, on: $0)).count > 1 }
        #expect(!differing.isEmpty)
    }

    /// The rule kinds the engine reads (protocol requirements) are the protocols each rule conforms to.
    @Test func ruleKindsAreTheirConformances() {
        for rule in RuleRegistry.all {
            #expect(rule.isProfileWide == (rule is any ProfileWideRule.Type), "\(rule.description.id)")
            #expect(rule.isCorpusRule == (rule is any CorpusReviewRule.Type), "\(rule.description.id)")
        }
        #expect(RuleRegistry.all.contains { $0.isCorpusRule } && RuleRegistry.all.contains { $0.isProfileWide })
    }
}
