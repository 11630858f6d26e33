import Foundation
import LocatedDocument
import Panel
import ProfileLoading

/// Reviews profiles with the rubric as it was at the base commit: the base's rubric directory is
/// extracted from git into a temporary directory (removed afterwards), loaded like any rubric, and
/// the same files are loaded and reviewed with it. A base rubric that did not exist or does not load
/// is reported as the reason the impact is unavailable, never as a failure of the check.
public struct BaseRubricReview: Sendable {
    public var repository: GitRepository
    public var commit: String
    /// The rubric directory relative to the repository's top level.
    public var rubricPath: String
    public var today: String
    public var limits: DocumentLimits
    /// The corpus the cross-corpus rules see, as in the current review (so only the rubric differs).
    public var corpus: CorpusSource?

    public init(
        repository: GitRepository, commit: String, rubricPath: String, today: String, limits: DocumentLimits,
        corpus: CorpusSource? = nil
    ) {
        (self.repository, self.commit, self.rubricPath, self.today, self.limits) = (repository, commit, rubricPath, today, limits)
        self.corpus = corpus
    }

    /// The impact of moving from the base rubric to the one that produced `current`.
    public func impact(on files: [DiscoveredFile], current: ReviewRun) -> RubricImpact {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("review-profile-base-rubric-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let short = String(commit.prefix(12))
        do throws(ConfigurationError) {
            try createDirectory(scratch)
            guard try repository.extract(rubricPath.isEmpty ? "." : rubricPath, at: commit, into: scratch) else {
                return .unavailable("the base (\(short)) has no \(rubricPath)/ directory, so there is no base rubric to compare with")
            }
            let rubric = try ReviewRubric.load(from: scratch + "/" + rubricPath, today: today, limits: limits)
            // No cache: the base rubric's results would only displace the current ones.
            let session = try ReviewSession(rubric: rubric, limits: limits, corpus: corpus)
            return RubricImpact.compare(before: session.review(files: files, coverage: .allProfiles), after: current)
        } catch {
            let message = error.description.replacingOccurrences(of: scratch + "/", with: "")
            return .unavailable("the base rubric (\(short)) cannot be loaded: \(message)")
        }
    }

    private func createDirectory(_ path: String) throws(ConfigurationError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw ConfigurationError("cannot create a temporary directory for the base rubric: \(error.localizedDescription)")
        }
    }
}
