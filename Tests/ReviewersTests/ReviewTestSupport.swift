import Foundation
import Panel
import ProfileLoading
import ProfileModel
import Reviewers
import Testing

/// The project's real rubric knowledge, loaded once for every rule test.
enum ReviewTestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let rubricDirectory = packageRoot.appendingPathComponent("Rubrics").path
    /// A fixed review date, so date rules give the same answer every day.
    static let today = "2026-11-24"

    static let knowledge: ReviewKnowledge = {
        do {
            let loading = try RubricSet.load(from: rubricDirectory)
            return try ReviewRubric.loadKnowledge(from: rubricDirectory, catalogue: loading.catalogue, today: today)
        } catch {
            fatalError("Rubrics/ does not load: \(error)")
        }
    }()

    /// Runs one rule with its default parameters on one level of a profile.
    static func run(_ rule: any ReviewRule.Type, on profile: Profile, level code: String? = nil) -> RuleOutcome {
        let analysis = ProfileAnalysis(profile: profile, knowledge: knowledge)
        let index = code.flatMap { code in analysis.levels.firstIndex { $0.level.code.value == code } }
            ?? analysis.levels.count - 1
        let subject = ReviewSubject(
            analysis: analysis, levelIndex: index, knowledge: knowledge,
            parameters: RuleParameters(declared: rule.description.parameters), rule: rule.description
        )
        return rule.init().check(subject)
    }

    /// Findings that cost points (everything but `info`) of `rule`.
    static func scoringFindings(_ rule: any ReviewRule.Type, overlay: String, level: String?) throws -> [Finding] {
        let profile = try ExampleProfile.profile(applying: overlay)
        return run(rule, on: profile, level: level).findings.filter { $0.severity != .info }
    }
}

/// A rule as a test argument, named by its id in the test report.
struct RuleCase: Sendable, CustomTestStringConvertible {
    let id: String
    var testDescription: String { id }
    var rule: any ReviewRule.Type { RuleRegistry.rule(id: id)! }
}
