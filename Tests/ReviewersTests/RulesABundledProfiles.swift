import Foundation
import ProfileLoading
import ProfileModel
import Reviewers

/// The seven profiles shipped in `Profiles/`, loaded once: every rule must approve of them.
enum RulesABundledProfiles {
    static let all: [Profile] = {
        let root = ReviewTestSupport.packageRoot.appendingPathComponent("Profiles")
        let files = (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
        do {
            let rubric = try RubricSet.load(from: ReviewTestSupport.rubricDirectory)
            let loader = ProfileLoader(rubric: rubric)
            return files.map { file in
                let path = root.appendingPathComponent(file).path
                let result = loader.loadFile(DiscoveredFile(displayPath: "Profiles/" + file, resolvedPath: path))
                guard let profile = result.profile, result.isValid else {
                    fatalError("Profiles/\(file) does not load: \(result.diagnostics)")
                }
                return profile
            }
        } catch {
            fatalError("Rubrics/ does not load: \(error)")
        }
    }()

    /// Point-costing findings of `rule` on every level of every bundled profile.
    static func scoringFindings(_ rule: any ReviewRule.Type) -> [Finding] {
        all.flatMap { profile in
            profile.levels.flatMap { level in
                ReviewTestSupport.run(rule, on: profile, level: level.code.value).findings.filter { $0.severity != .info }
            }
        }
    }
}
