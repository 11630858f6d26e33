import Foundation
import Panel
import ProfileLoading
import ProfileModel
import Reviewers

/// The bundled `Profiles/`, loaded once, for checking that rules leave good content alone.
enum BundledProfilesFixture {
    static let profiles: [Profile] = {
        do {
            let rubric = try RubricSet.load(from: ReviewTestSupport.rubricDirectory)
            let root = ReviewTestSupport.packageRoot.path
            let files = try ProfileDiscovery(workingDirectory: root).discover([root + "/Profiles"])
            let results = ProfileLoader(rubric: rubric).load(files)
            for result in results where result.profile == nil {
                fatalError("bundled profile \(result.file) does not load: \(result.diagnostics)")
            }
            return results.compactMap(\.profile)
        } catch {
            fatalError("Profiles/ do not load: \(error)")
        }
    }()

    /// Every point-costing finding of `rule` on every level of every bundled profile, as readable lines.
    static func scoringFindings(_ rule: any ReviewRule.Type) -> [String] {
        profiles.flatMap { profile in
            profile.levels.flatMap { level in
                ReviewTestSupport.run(rule, on: profile, level: level.code.value).findings
                    .filter { $0.severity != .info }
                    .map { "\(profile.file) \(level.code.value): [\($0.severity)] \($0.message)" }
            }
        }
    }

    /// Runs `rule` on every level of every bundled profile.
    static func outcomes(_ rule: any ReviewRule.Type) -> [(profile: Profile, level: String, outcome: RuleOutcome)] {
        profiles.flatMap { profile in
            profile.levels.map { level in
                (profile, level.code.value, ReviewTestSupport.run(rule, on: profile, level: level.code.value))
            }
        }
    }
}
