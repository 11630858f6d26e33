import ProfileLoading
import ProfileModel

/// The review of one file: its level reviews, or why it could not be loaded.
public struct FileReview: Sendable {
    public var file: String
    public var profileID: String?
    public var levels: [LevelReview]
    /// Load errors; non-empty exactly when the file is invalid.
    public var diagnostics: [Diagnostic]
    /// Sources the profile cites (0 for an invalid file), for the status report.
    public var sourceCount = 0

    public init(file: String, profileID: String?, levels: [LevelReview], diagnostics: [Diagnostic]) {
        (self.file, self.profileID, self.levels, self.diagnostics) = (file, profileID, levels, diagnostics)
    }

    public var isInvalid: Bool { !diagnostics.isEmpty }
}

/// One run of the panel over a set of files, with the identity of the rubric that judged them.
public struct ReviewRun: Sendable {
    public var rubricID: String
    public var rubricVersion: String
    public var rubricSHA256: String
    public var files: [FileReview]
    /// Waivers no reviewed level profile can carry as a finding, in file order (see `WaiverProblem`).
    public var waiverProblems: [WaiverProblem]
    /// How the run got its results (cache hits, corpus files read); reporters do not print it.
    public var statistics = ReviewStatistics()

    public init(rubric: ReviewRubric, files: [FileReview], waiverProblems: [WaiverProblem] = []) {
        self.rubricID = rubric.policy.id
        self.rubricVersion = rubric.policy.version
        self.rubricSHA256 = rubric.sha256
        self.files = files
        self.waiverProblems = waiverProblems
    }

    /// A run built by hand (reporter tests), without loading a rubric.
    public init(
        rubricID: String, rubricVersion: String, rubricSHA256: String, files: [FileReview], waiverProblems: [WaiverProblem] = []
    ) {
        (self.rubricID, self.rubricVersion, self.rubricSHA256, self.files) = (rubricID, rubricVersion, rubricSHA256, files)
        self.waiverProblems = waiverProblems
    }

    public var levelReviews: [LevelReview] { files.flatMap(\.levels) }
    // The counts read the files' levels where they are: going through `levelReviews` copied every
    // level review of the run (and retained all they hold) for each count, on the calling thread.
    public var approvedCount: Int { levelCount { $0.decision == .approved } }
    public var rejectedCount: Int { levelCount { $0.decision == .rejected } }
    /// Files that could not be loaded (their level profiles cannot be named).
    public var invalidCount: Int { files.count { $0.isInvalid } }
    /// Waiver problems that fail the run.
    public var failingWaiverProblems: [WaiverProblem] { waiverProblems.filter(\.failsRun) }
    /// Findings accepted by a waiver, across every level profile.
    public var waivedCount: Int { files.reduce(0) { sum, file in file.levels.reduce(sum) { $0 + $1.findings.count(where: \.isWaived) } } }
    public var passed: Bool { rejectedCount == 0 && invalidCount == 0 && failingWaiverProblems.isEmpty }

    /// Level reviews of the run that satisfy `predicate`.
    private func levelCount(where predicate: (LevelReview) -> Bool) -> Int {
        files.reduce(0) { $0 + $1.levels.count(where: predicate) }
    }
}

/// What a review run had to do: which files came from the cache and which corpus files were read.
public struct ReviewStatistics: Sendable, Equatable {
    /// Reviewed files (display paths) whose LOCAL stage came from the cache.
    public var cacheHits: [String] = []
    /// Reviewed files put through the LOCAL stage (parsed) in this run.
    public var cacheMisses: [String] = []
    /// Corpus files outside the reviewed set that were read for the corpus index (resolved paths).
    public var corpusFilesRead: [String] = []
    /// Corpus files taken from the corpus index cache unread (stat fingerprint unchanged, not racy).
    public var corpusFilesFromCache = 0

    public init() {}
}
