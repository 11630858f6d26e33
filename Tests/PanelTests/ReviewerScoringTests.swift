import Foundation
import LocatedDocument
import Panel
import ProfileModel
import Reviewers
import Testing

@Suite("Reviewer scoring and dimension scores")
struct ReviewerScoringTests {
    static let penalties: [Severity: Double] = [.blocker: 4, .major: 1, .minor: 0.5, .info: 0]

    static func findings(_ severities: [Severity]) -> [Finding] {
        severities.map {
            Finding(rule: "r", dimension: .concreteness, severity: $0, message: "m", file: "f",
                    location: SourceLocation(line: 1, column: 1), evidence: "e")
        }
    }

    @Test(arguments: [
        ([Severity](), 5), ([.info, .info], 5), ([.minor], 5), ([.minor, .minor], 4), ([.major], 4),
        ([.major, .minor], 4), ([.major, .major, .minor], 3), ([.blocker], 1), ([.blocker, .major], 1),
        ([.major, .major, .major, .major, .major, .major], 1),
    ])
    func reviewerScoreIsFiveMinusWholePointsLost(_ severities: [Severity], _ expected: Int) {
        #expect(ReviewerScoring.reviewerScore(Self.findings(severities), penalties: Self.penalties) == expected)
    }

    @Test(arguments: [([4, 5], 4.5), ([4, 4], 4.0), ([5, 5, 4], 4.5), ([4, 4, 5], 4.0), ([1, 5], 3.0), ([3, 4, 4], 3.5)])
    func dimensionScoreIsTheMeanFlooredToHalfPoints(_ scores: [Int], _ expected: Double) {
        #expect(ReviewerScoring.dimensionScore(scores) == expected)
    }
}

@Suite("Panel policy")
struct PanelPolicyTests {
    @Test func theShippedPolicySeatsEveryRuleOnItsDimensionWithTwoReviewersEach() {
        let policy = PanelTestSupport.rubric.policy
        for dimension in Dimension.allCases {
            let reviewers = policy.reviewers(on: dimension)
            #expect(reviewers.count >= 2, "\(dimension)")
            #expect(reviewers.allSatisfy { reviewer in reviewer.rules.allSatisfy { $0.description.dimension == dimension } })
        }
        #expect(policy.gate.minDimensionScore == 4.0)
    }

    @Test func rubricHashChangesWithAnyRubricFile() throws {
        let source = PanelTestSupport.packageRoot.appendingPathComponent("Rubrics")
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("rp-rubric-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let before = try ReviewRubric.load(from: copy.path, today: PanelTestSupport.today).sha256
        #expect(before == PanelTestSupport.rubric.sha256)
        let lexicon = copy.appendingPathComponent("lexicons/boilerplate.yaml")
        try (try String(contentsOf: lexicon, encoding: .utf8) + "\n# edited\n").write(to: lexicon, atomically: true, encoding: .utf8)
        let after = try ReviewRubric.load(from: copy.path, today: PanelTestSupport.today).sha256
        #expect(before != after)
    }

    @Test(arguments: [
        ("rules:\n  missing_levels:", "rules:\n  no_such_rule: { severity: minor }\n  missing_levels:", "unknown rule"),
        ("      min_levels: 3", "      min_levels: 3\n      no_such_parameter: 1", "has no parameter"),
        ("rules: [missing_levels, too_few_bullets, years_not_rising, pay_not_rising, incomplete_ladder_data]", "rules: [too_few_bullets, years_not_rising, pay_not_rising, incomplete_ladder_data]", "sits on no reviewer"),
        ("rules: [pay_order, pay_implausible", "rules: [missing_levels, pay_order, pay_implausible", "judges level_differentiation"),
    ])
    func brokenPoliciesAreConfigurationErrorsWithALocation(_ original: String, _ replacement: String, _ expected: String) throws {
        let source = PanelTestSupport.packageRoot.appendingPathComponent("Rubrics")
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("rp-rubric-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let panel = copy.appendingPathComponent("panel.yaml")
        let text = try String(contentsOf: panel, encoding: .utf8)
        #expect(text.contains(original))
        try text.replacingOccurrences(of: original, with: replacement).write(to: panel, atomically: true, encoding: .utf8)
        do {
            _ = try ReviewRubric.load(from: copy.path, today: PanelTestSupport.today)
            Issue.record("accepted a broken panel policy")
        } catch {
            #expect(error.message.contains(expected), "\(error)")
            #expect(error.file?.hasSuffix("panel.yaml") == true)
            #expect((error.location?.line ?? 0) > 1)
        }
    }
}

@Suite("Panel policy as data")
struct PanelPolicyAsDataTests {
    /// Thresholds live in Rubrics/panel.yaml, not only in code: every declared parameter is stated there.
    @Test func panelYAMLStatesEveryRuleParameter() throws {
        let document = try PanelTestSupport.document("Rubrics/panel.yaml")
        for rule in RuleRegistry.all {
            let description = rule.description
            let stated = Set((document["rules"]?[description.id]?["parameters"]?.objectValue ?? []).map(\.key))
            for parameter in description.parameters {
                #expect(stated.contains(parameter.name), "panel.yaml does not state \(description.id).\(parameter.name)")
            }
        }
    }
}
