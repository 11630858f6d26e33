import Foundation
import LocatedDocument
import Panel
import ProfileLoading

/// The pipeline behind `review-profile check`: decide what to review (from git, or the given paths),
/// review it once, and — when the rubric changed — measure the change against the base rubric.
public struct PullRequestCheck: Sendable {
    public struct Options: Sendable {
        public var workingDirectory: String
        public var profilesDirectory: String
        public var rubricDirectory: String
        /// Explicit files or directories; when non-empty, exactly these are reviewed.
        public var paths: [String] = []
        /// The base ref (flag or configuration); nil falls back to `origin/main` when it exists.
        public var base: String?
        /// Whether `base` came from the command line (it may not be combined with paths).
        public var baseIsExplicit = false
        /// Whether uncommitted changes (staged, unstaged, untracked profile files) count.
        public var includeWorkingTree = true
        public var today: String
        public var limits: DocumentLimits = .default
        public var environment: [String: String] = ProcessInfo.processInfo.environment
        /// `--shard K/N`: review only this shard of the files the check selected.
        public var shard: ShardSelector?
        /// The project root that shard keys are relative to (defaults to the working directory).
        public var projectRoot: String?
        /// The review cache (`.review-cache/`); nil reviews every selected file from scratch.
        public var cache: ReviewCache?

        public init(workingDirectory: String, profilesDirectory: String, rubricDirectory: String, today: String) {
            (self.workingDirectory, self.profilesDirectory, self.rubricDirectory, self.today) =
                (workingDirectory, profilesDirectory, rubricDirectory, today)
        }
    }

    /// The base used when none is given or configured, if it exists.
    public static let defaultBase = "origin/main"

    public var options: Options

    public init(options: Options) {
        self.options = options
    }

    public func run() throws(ConfigurationError) -> CheckResult {
        // The rubric loads while git lists the changes; a broken rubric is still the error reported first.
        let options = options
        let rubric = BackgroundResult { () throws(ConfigurationError) in
            try ReviewRubric.load(
                from: options.rubricDirectory, today: options.today, limits: options.limits, workingDirectory: options.workingDirectory
            )
        }
        do {
            return try select(rubric: rubric)
        } catch {
            _ = try rubric.value()
            throw error
        }
    }

    private func select(rubric loading: BackgroundResult<ReviewRubric, ConfigurationError>) throws(ConfigurationError) -> CheckResult {
        let discovery = ProfileDiscovery(workingDirectory: options.workingDirectory)
        let none = ChangedFiles(changes: [], reviewed: [], removed: [], rubricFiles: [])
        if !options.paths.isEmpty {
            if options.baseIsExplicit {
                throw ConfigurationError("--base and PATH arguments cannot be combined",
                                         hint: "PATH arguments review exactly those files; drop them to review the changes since the base")
            }
            let files = try nonEmpty(discovery.discover(options.paths), described: options.paths.joined(separator: ", "))
            return try review(files, rubric: try loading.value(), scope: .givenPaths(options.paths), changes: none,
                          coverage: ReviewCoverage.of(paths: options.paths, profilesDirectory: options.profilesDirectory,
                                                      workingDirectory: options.workingDirectory))
        }
        // The profiles directory is listed, and the stored corpus index read, while git works out
        // the changes (the listing is what the changes are sorted against and what the corpus index
        // is checked against).
        let indexRead = ReviewSession.startReadingCorpusIndex(cache: options.cache, corpus: corpusSource(discovered: nil))
        let profilesDirectory = options.profilesDirectory
        let listing = BackgroundResult { () throws(ConfigurationError) -> [DiscoveredFile]? in
            FileManager.default.fileExists(atPath: profilesDirectory) ? try discovery.discover([profilesDirectory]) : nil
        }
        guard let repository = GitRepository.open(at: options.workingDirectory, git: GitCommand(environment: options.environment)) else {
            return try review(try everyProfile(listing, discovery), rubric: try loading.value(), scope: .noRepository, changes: none,
                              coverage: .allProfiles)
        }
        let ref: String
        if let base = options.base {
            ref = base
        } else if repository.hasCommit(Self.defaultBase) {
            ref = Self.defaultBase
        } else {
            return try review(try everyProfile(listing, discovery), rubric: try loading.value(), scope: .noBase, changes: none,
                              coverage: .allProfiles)
        }
        let mergeBase = try repository.mergeBase(try repository.commit(for: ref), ref: ref)
        let profilesPath = repository.relativePath(of: options.profilesDirectory)
        let rubricPath = repository.relativePath(of: options.rubricDirectory)
        let untrackedUnder = [profilesPath, rubricPath].compactMap { $0 }.map { $0.isEmpty ? "." : $0 }
        let diff = try repository.changes(since: mergeBase, includeWorkingTree: options.includeWorkingTree, untrackedUnder: untrackedUnder)
        let profiles = try listing.value() ?? []
        let changes = ChangedFiles.classify(diff, topLevel: repository.topLevel, profilesPath: profilesPath,
                                            rubricPath: rubricPath, profiles: profiles)
        let scope = CheckScope.changedSince(ref: ref, mergeBase: mergeBase, includesWorkingTree: options.includeWorkingTree)
        guard changes.rubricChanged, let rubricPath else {
            return try review(changes.reviewed, rubric: try loading.value(), scope: scope, changes: changes, coverage: .selection,
                              corpus: profiles, corpusIndexRead: indexRead)
        }
        // A rubric change affects every profile: review them all, and against the base rubric too.
        var result = try review(profiles, rubric: try loading.value(), scope: scope, changes: changes, coverage: .allProfiles,
                                corpus: profiles, corpusIndexRead: indexRead)
        let base = BaseRubricReview(repository: repository, commit: mergeBase, rubricPath: rubricPath,
                                    today: options.today, limits: options.limits, corpus: corpusSource(discovered: profiles))
        result.impact = base.impact(on: profiles, current: result.run)
        return result
    }

    /// - Parameters:
    ///   - coverage: whether `selected` is the whole corpus (waivers for absent profiles then fail);
    ///     a shard is always a selection.
    ///   - corpusIndexRead: the stored corpus index as this check began reading it, if it did.
    private func review(
        _ selected: [DiscoveredFile], rubric: ReviewRubric, scope: CheckScope, changes: ChangedFiles, coverage: ReviewCoverage,
        corpus discovered: [DiscoveredFile]? = nil, corpusIndexRead: ReviewSession.CorpusIndexRead? = nil
    ) throws(ConfigurationError) -> CheckResult {
        let files = options.shard.map {
            ShardSelection(shard: $0, corpus: selected, layout: ProjectLayout(root: options.projectRoot ?? options.workingDirectory),
                           workingDirectory: options.workingDirectory).files
        } ?? selected
        // Every profile under the profiles directory joins the cross-corpus index, whatever is reviewed.
        let session = try ReviewSession(
            rubric: rubric, limits: options.limits, cache: options.cache, corpus: corpusSource(discovered: discovered)
        )
        let run = session.review(files: files, coverage: options.shard == nil ? coverage : .selection, corpusIndexRead: corpusIndexRead)
        return CheckResult(scope: scope, changes: changes, run: run, impact: nil)
    }

    /// - Parameter discovered: the profiles directory as this check already listed it, if it did.
    private func corpusSource(discovered: [DiscoveredFile]?) -> CorpusSource {
        CorpusSource(directory: options.profilesDirectory, workingDirectory: options.workingDirectory, discovered: discovered)
    }

    /// Every profile of the profiles directory, as `listing` found them; a missing directory is the
    /// error discovery reports for it.
    private func everyProfile(
        _ listing: BackgroundResult<[DiscoveredFile]?, ConfigurationError>, _ discovery: ProfileDiscovery
    ) throws(ConfigurationError) -> [DiscoveredFile] {
        let files = try listing.value()
        return try nonEmpty(files == nil ? discovery.discover([options.profilesDirectory]) : files ?? [], described: options.profilesDirectory)
    }

    private func nonEmpty(_ files: [DiscoveredFile], described: String) throws(ConfigurationError) -> [DiscoveredFile] {
        guard !files.isEmpty else { throw ConfigurationError("no YAML or JSON files found in \(described)") }
        return files
    }
}
