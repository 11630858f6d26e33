import ProfileModel
import Reviewers

/// The LOCAL stage's result for one file: everything the panel concludes from the file's own bytes
/// and the rubric parts it uses, before anything that depends on other files (corpus findings),
/// waivers, scoring or the gate. It is what the review cache stores, so a cache hit rebuilds the
/// file's review exactly without parsing it.
public struct LocalFileReview: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// The file did not load: its diagnostics, sorted for output.
        case invalid([Diagnostic])
        case profile(LocalProfileReview)
    }

    /// The file as reports name it.
    public var file: String
    public var outcome: Outcome

    public init(file: String, outcome: Outcome) {
        self.file = file
        self.outcome = outcome
    }

    public var profile: LocalProfileReview? {
        if case .profile(let profile) = outcome { return profile }
        return nil
    }
}

/// What the LOCAL stage keeps of a loaded profile: identity, what the gate and reports need, and
/// every level's per-reviewer findings.
public struct LocalProfileReview: Sendable, Equatable {
    public var profileID: String
    /// The domain the profile names (its dependency on one domain pack), nil when it names none.
    public var domain: String?
    /// `ContentHash.of` the parsed document.
    public var contentSHA256: String
    /// Raw values of the content layers no source supports (the gate's provenance check).
    public var unsourcedLayers: [String]
    /// Sources cited, for the status report.
    public var sourceCount: Int
    public var levels: [LocalLevelReview]
    /// The profile's responsibility bullets as the corpus index sees them.
    public var corpus: CorpusProfile
    /// The same bullets with their text and position, for corpus findings.
    public var bullets: [BulletAnchor]

    public init(
        profileID: String, domain: String?, contentSHA256: String, unsourcedLayers: [String], sourceCount: Int,
        levels: [LocalLevelReview], corpus: CorpusProfile, bullets: [BulletAnchor]
    ) {
        (self.profileID, self.domain, self.contentSHA256) = (profileID, domain, contentSHA256)
        (self.unsourcedLayers, self.sourceCount, self.levels, self.corpus) = (unsourcedLayers, sourceCount, levels, corpus)
        self.bullets = bullets
    }
}

/// One level profile after the LOCAL stage: each reviewer's findings (sorted) and checks, in panel order.
public struct LocalLevelReview: Sendable, Equatable {
    public struct Reviewer: Sendable, Equatable {
        public var findings: [Finding]
        public var checksRun: Int

        public init(findings: [Finding], checksRun: Int) {
            self.findings = findings
            self.checksRun = checksRun
        }
    }

    public var code: String
    /// One per reviewer of the panel policy, in its order.
    public var reviewers: [Reviewer]

    public init(code: String, reviewers: [Reviewer]) {
        self.code = code
        self.reviewers = reviewers
    }
}
