import Panel
import ProfileModel
import Provenance

/// What the approval status reports show, computed once so that JSON, Markdown, CSV and HTML agree:
/// the panel's decision and scores for every level profile, joined with its approval state (from
/// `review-profile verify`), and the corpus-wide view (counts, weakest dimensions, failing rules).
///
/// Everything is in a fixed order (level profiles in run order, ties broken by name), so the same
/// inputs always render to the same bytes.
public struct StatusReport: Sendable {
    /// One level profile: the review, its approval state and what the reports print about it.
    public struct LevelStatus: Sendable {
        public var review: LevelReview
        public var approval: ApprovalStatus
        /// Sources the profile (the file) cites.
        public var sourcesCount: Int
        /// Findings that cost points or block (info and waived findings are omitted), in reading order.
        public var findings: [Finding]
        /// Blocker, major and minor findings a waiver accepts, in reading order.
        public var waived: [Finding]

        public func count(_ severity: Severity) -> Int { findings.count { $0.severity == severity } }
        /// Distinct rules with a non-info finding, sorted.
        public var failingRules: [String] { Set(findings.map(\.rule)).sorted() }
    }

    /// A file that could not be loaded: its level profiles cannot even be named.
    public struct InvalidFile: Sendable {
        public var file: String
        public var profileID: String?
        public var diagnostics: [Diagnostic]
    }

    /// One dimension across the corpus.
    public struct DimensionSummary: Sendable {
        public var dimension: Dimension
        public var mean: Double
        public var lowest: Double
        /// Level profiles per score bucket: index 0 is 1.0, index 8 is 5.0, in half points.
        public var distribution: [Int]

        /// The score each distribution bucket stands for.
        public static let buckets: [Double] = (0...8).map { 1 + Double($0) / 2 }
    }

    /// One rule across the corpus, counted over findings that are neither info nor waived.
    public struct RuleCount: Sendable {
        public var rule: String
        public var dimension: Dimension
        public var findings: Int
        public var levelProfiles: Int
        public var worstSeverity: Severity
    }

    public var rubricID: String
    public var rubricVersion: String
    public var rubricSHA256: String
    /// ISO 8601 (UTC) generation time; nil unless SOURCE_DATE_EPOCH fixed it, so output stays reproducible.
    public var generatedAt: String?
    public var levels: [LevelStatus]
    public var invalidFiles: [InvalidFile]
    /// Weakest first (lowest mean, then lowest score, then dimension order).
    public var dimensions: [DimensionSummary]
    /// Most frequent first (most findings, then most level profiles, then rule id).
    public var failingRules: [RuleCount]

    /// - Parameters:
    ///   - approvals: the verifier's statuses; a level profile without one counts as `unapproved`.
    ///   - sourceCounts: sources cited, by file as the run names it (see `sourceCounts(of:)`).
    public init(run: ReviewRun, approvals: [ApprovalStatus], sourceCounts: [String: Int] = [:], generatedAt: String? = nil) {
        rubricID = run.rubricID
        rubricVersion = run.rubricVersion
        rubricSHA256 = run.rubricSHA256
        self.generatedAt = generatedAt
        // The first status wins if the verifier ever reports an id twice.
        let byID = Dictionary(approvals.map { ($0.levelProfileID, $0) }, uniquingKeysWith: { first, _ in first })
        levels = run.levelReviews.map { review in
            LevelStatus(
                review: review,
                approval: byID[review.id] ?? ApprovalStatus(
                    levelProfileID: review.id, file: review.file, state: .unapproved, reasons: ["no approval status"]
                ),
                sourcesCount: sourceCounts[review.file] ?? 0,
                findings: review.findings.filter { $0.severity != .info && !$0.isWaived },
                waived: review.findings.filter { $0.severity != .info && $0.isWaived }
            )
        }
        invalidFiles = run.files.filter(\.isInvalid).map {
            InvalidFile(file: $0.file, profileID: $0.profileID, diagnostics: $0.diagnostics)
        }
        dimensions = Self.summarise(levels.map(\.review))
        failingRules = Self.countRules(levels)
    }

    // MARK: Counts

    public func count(_ decision: Decision) -> Int {
        decision == .invalid ? invalidFiles.count : levels.count { $0.review.decision == decision }
    }

    public func count(_ state: ApprovalState) -> Int { levels.count { $0.approval.state == state } }

    /// Findings accepted by a waiver, across every level profile.
    public var waivedCount: Int { levels.reduce(0) { $0 + $1.waived.count } }

    /// Files behind the report, valid or not.
    public var fileCount: Int { Set(levels.map(\.review.file)).count + invalidFiles.count }

    // MARK: Corpus views

    static func summarise(_ reviews: [LevelReview]) -> [DimensionSummary] {
        let summaries = Dimension.allCases.map { dimension -> DimensionSummary in
            let scores = reviews.map { $0.scores[dimension] ?? 1 }
            var distribution = Array(repeating: 0, count: DimensionSummary.buckets.count)
            for score in scores {
                distribution[bucket(of: score)] += 1
            }
            let mean = scores.isEmpty ? 0 : scores.reduce(0, +) / Double(scores.count)
            return DimensionSummary(dimension: dimension, mean: mean, lowest: scores.min() ?? 0, distribution: distribution)
        }
        return summaries.sorted {
            if $0.mean != $1.mean { return $0.mean < $1.mean }
            if $0.lowest != $1.lowest { return $0.lowest < $1.lowest }
            return $0.dimension < $1.dimension
        }
    }

    /// The distribution bucket of a score: nearest half point, clamped to 1.0…5.0.
    public static func bucket(of score: Double) -> Int {
        min(max(Int(((score - 1) * 2).rounded()), 0), DimensionSummary.buckets.count - 1)
    }

    static func countRules(_ levels: [LevelStatus]) -> [RuleCount] {
        var counts: [String: RuleCount] = [:]
        for level in levels {
            for finding in level.findings {
                var entry = counts[finding.rule] ?? RuleCount(
                    rule: finding.rule, dimension: finding.dimension, findings: 0, levelProfiles: 0, worstSeverity: finding.severity
                )
                entry.findings += 1
                entry.worstSeverity = min(entry.worstSeverity, finding.severity)
                counts[finding.rule] = entry
            }
            for rule in level.failingRules {
                counts[rule]?.levelProfiles += 1
            }
        }
        return counts.values.sorted {
            if $0.findings != $1.findings { return $0.findings > $1.findings }
            if $0.levelProfiles != $1.levelProfiles { return $0.levelProfiles > $1.levelProfiles }
            return $0.rule < $1.rule
        }
    }

    /// Sources cited per reviewed file (the count the review kept), for `init(run:approvals:sourceCounts:)`.
    public static func sourceCounts(of run: ReviewRun) -> [String: Int] {
        Dictionary(run.files.filter { !$0.isInvalid }.map { ($0.file, $0.sourceCount) }, uniquingKeysWith: max)
    }

    /// Sources cited per file, for `init(run:approvals:sourceCounts:)`.
    public static func sourceCounts(of profiles: [Profile]) -> [String: Int] {
        Dictionary(profiles.map { ($0.file, $0.sources.count) }, uniquingKeysWith: max)
    }
}
