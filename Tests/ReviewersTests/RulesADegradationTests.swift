import Foundation
import ProfileModel
import Reviewers
import Testing

/// The calibration targets of the brief for level differentiation, focus specificity and
/// concreteness: the bundled rules approve the good profiles and reject each degradation on its
/// dimension, scored as the panel scores (reviewer = 5 − floor(penalties), dimension = mean floored
/// to the half point; any blocker rejects).
@Suite("Rules A: calibration targets")
struct RulesADegradationTests {
    static let reviewers: [ProfileModel.Dimension: [[any ReviewRule.Type]]] = [
        .levelDifferentiation: [
            [MissingLevelsRule.self, TooFewBulletsRule.self, YearsNotRisingRule.self, PayNotRisingRule.self],
            [NearDuplicateBulletsRule.self, NearDuplicateGuidelinesRule.self],
            [LowerLevelScopeTermsRule.self, ScopeNotEscalatingRule.self, DecisionRightsNotRisingRule.self],
        ],
        .focusSpecificity: [
            [LowDomainVocabularyRule.self, NoDomainPackRule.self],
            [GenericBoilerplateRule.self, SiblingBleedRule.self, KeywordStuffingRule.self],
        ],
        .concreteness: [
            [LowConcreteShareRule.self, GenericStandInTermsRule.self],
            [VagueLanguageRule.self, MissingActionVerbRule.self, BulletLengthRule.self],
        ],
    ]

    static func penalty(_ severity: Severity) -> Double {
        switch severity {
        case .blocker: return 4
        case .major: return 1
        case .minor: return 0.5
        case .info: return 0
        }
    }

    /// (dimension score, has blocker) for one level.
    static func judge(_ dimension: ProfileModel.Dimension, _ profile: Profile, level: String) -> (score: Double, blocker: Bool) {
        var scores: [Double] = []
        var blocker = false
        for rules in reviewers[dimension]! {
            let findings = rules.flatMap { ReviewTestSupport.run($0, on: profile, level: level).findings }
            blocker = blocker || findings.contains { $0.severity == .blocker }
            let lost = findings.reduce(0) { $0 + penalty($1.severity) }
            scores.append(max(1, 5 - lost.rounded(.down)))
        }
        let mean = scores.reduce(0, +) / Double(scores.count)
        return ((mean * 2).rounded(.down) / 2, blocker)
    }

    static func rejected(_ dimension: ProfileModel.Dimension, _ yaml: String, level: String) throws -> Bool {
        let profile = try ExampleProfile.profile(applying: yaml)
        let verdict = judge(dimension, profile, level: level)
        return verdict.blocker || verdict.score < 4
    }

    @Test func bundledProfilesPassEveryDimension() {
        for profile in BundledProfilesFixture.profiles {
            for level in profile.levels.map(\.code.value) {
                for dimension in Self.reviewers.keys {
                    let verdict = Self.judge(dimension, profile, level: level)
                    #expect(!verdict.blocker && verdict.score >= 4.5, "\(profile.id.value).\(level) \(dimension): \(verdict)")
                }
            }
        }
    }

    @Test func copiedBulletsRejectLevelDifferentiation() throws {
        let m1 = """
                responsibilities:
                  - Runs a single upstream shift from vial thaw and seed-train passages through N-1 and production bioreactors to harvest transfer, keeping HyPerforma S.U.B., Biostat STR and WAVE rocking-bag runs on the posted schedule.
                  - Assigns each associate on the shift to media preparation, bioreactor set-up, sampling or inoculation tasks, and checks in the LMS that their training covers the SOP revision in force before they start.
                  - Supervises gowning, biosafety-cabinet manipulations and cleanroom cleaning in the team's own area, correcting Good Documentation Practice errors in batch records and logbooks while the step is being performed.
                  - Checks pH, dissolved oxygen, viable cell concentration and viability results from the Vi-CELL and Cedex Bio at every sample point against batch-record limits, and escalates any excursion before the next feed or transfer.
                  - Opens deviation records for events on the shift, posts ERP material issues for media, feeds and single-use bags, and follows the escalation matrix for bioreactor alarms or faults outside routine troubleshooting.
            """
        let overlay = "levels:\n  - code: M2\n\(m1)\n  - code: M3\n\(m1)\n"
        #expect(try Self.rejected(.levelDifferentiation, overlay, level: "M2"))
        #expect(try Self.rejected(.levelDifferentiation, overlay, level: "M3"))
        #expect(try !Self.rejected(.levelDifferentiation, overlay, level: "M1"))
    }

    @Test func equipmentNamesReplacedRejectConcreteness() throws {
        var yaml = ExampleProfile.yaml
        for name in ["HyPerforma S.U.B.", "DynaDrive S.U.B.", "Biostat STR", "WAVE", "Vi-CELL", "Cedex Bio", "JMP",
                     "Mobius", "Xcellerex XDR", "HyPerforma", "DynaDrive"] {
            yaml = yaml.replacingOccurrences(of: name, with: "equipment")
        }
        let profile = try ExampleProfile.profileFromYAML(yaml)
        let verdicts = ["M1", "M2"].map { Self.judge(.concreteness, profile, level: $0) }
        #expect(verdicts.allSatisfy { $0.blocker || $0.score < 4 }, "\(verdicts)")
    }

    @Test func fillerRejectsConcreteness() throws {
        for level in ["M1", "M2", "M3"] {
            let profile = try ExampleProfile.profile(applying: "")
            let bullets = profile.levels.first { $0.code.value == level }!.responsibilities.map(\.value)
            let list = (bullets + ["Handles various tasks as needed, etc.", "Other duties as assigned."])
                .map { "      - \"\($0)\"" }.joined(separator: "\n")
            let overlay = "levels:\n  - code: \(level)\n    responsibilities:\n\(list)\n"
            #expect(try Self.rejected(.concreteness, overlay, level: level), "\(level)")
        }
    }

    @Test func downstreamDutiesRejectFocusSpecificity() throws {
        for level in ["M1", "M2", "M3"] {
            let profile = try ExampleProfile.profile(applying: "")
            let bullets = profile.levels.first { $0.code.value == level }!.responsibilities.map(\.value)
            let added = ["Supervises Protein A chromatography column packing, equilibration and elution on the shift.",
                         "Runs viral filtration with Planova filters and records pre- and post-use integrity tests."]
            let list = (bullets + added).map { "      - \"\($0)\"" }.joined(separator: "\n")
            let overlay = "levels:\n  - code: \(level)\n    responsibilities:\n\(list)\n"
            #expect(try Self.rejected(.focusSpecificity, overlay, level: level), "\(level)")
        }
    }
}

extension ExampleProfile {
    /// A whole replacement YAML text decoded like the example profile.
    static func profileFromYAML(_ yaml: String) throws -> Profile {
        let marker = "levels:"
        let levels = String(yaml[yaml.range(of: "\n" + marker)!.lowerBound...])
        return try profile(applying: levels)
    }
}

extension RulesADegradationTests {
    @Test func debugEquipment() throws {
        guard ProcessInfo.processInfo.environment["CALIBRATION"] != nil else { return }
        var yaml = ExampleProfile.yaml
        for name in ["HyPerforma S.U.B.", "DynaDrive S.U.B.", "Biostat STR", "WAVE", "Vi-CELL", "Cedex Bio", "JMP",
                     "Mobius", "Xcellerex XDR", "HyPerforma", "DynaDrive"] {
            yaml = yaml.replacingOccurrences(of: name, with: "equipment")
        }
        let profile = try ExampleProfile.profileFromYAML(yaml)
        for level in ["M1", "M2", "M3"] {
            for rule in [GenericStandInTermsRule.self, LowConcreteShareRule.self] as [any ReviewRule.Type] {
                for finding in ReviewTestSupport.run(rule, on: profile, level: level).findings {
                    print("DBG \(level) \(finding.severity) \(finding.message) :: \(finding.evidence.prefix(200))")
                }
            }
        }
    }
}
