import LocatedDocument
import ProfileModel

/// The waivers of `Rubrics/waivers.yaml` (none when the file is absent), and how they apply to a
/// profile's findings.
///
/// Application is a pure function of the findings, the waivers and the review date, called once
/// per profile right before scores are computed:
/// - a waiver that covers a level profile and matches a finding there annotates it (`Finding.waiver`);
///   when several match, the first in file order is shown. Info findings cost nothing and are never waived;
/// - an expired waiver (its `expires` day is before the review date) annotates nothing and becomes a
///   major `waiver_expired` finding on every level profile it names;
/// - a waiver that matches no finding on any level profile it names becomes a major `waiver_unmatched`
///   finding on each of them. A profile-wide waiver is matched when any level has such a finding.
///
/// Waiver findings are located at the waiver's entry in the waivers file and carry the waived
/// rule's dimension; the engine counts them on the reviewer that owns the waived rule.
public struct WaiverSet: Sendable {
    public var waivers: [Waiver]

    public init(waivers: [Waiver] = []) {
        self.waivers = waivers
    }

    public static let empty = WaiverSet()

    /// `Rubrics/waivers.yaml` and its schema, relative to the rubric directory.
    public static let file = "waivers.yaml"
    public static let schemaFile = "waivers.schema.json"

    /// One level profile's findings, before waivers.
    public struct LevelFindings: Sendable {
        public var levelProfileID: String
        public var findings: [Finding]

        public init(levelProfileID: String, findings: [Finding]) {
            self.levelProfileID = levelProfileID
            self.findings = findings
        }
    }

    /// A finding about a waiver, with the rule it waives (which decides the reviewer that counts it).
    public struct WaiverFinding: Sendable, Equatable {
        public var waivedRule: String
        public var finding: Finding
    }

    /// One level profile's findings after waivers.
    public struct LevelOutcome: Sendable, Equatable {
        /// The input findings, in the same order, waived ones annotated.
        public var findings: [Finding]
        /// Expired and unmatched waivers that name this level profile.
        public var waiverFindings: [WaiverFinding]
    }

    /// Applies the waivers to every level of the profile `profileID`; one outcome per input level, in order.
    public func apply(to levels: [LevelFindings], profileID: String, today: String) -> [LevelOutcome] {
        let relevant = waivers.filter { $0.profileID == profileID }
        guard !relevant.isEmpty else { return levels.map { LevelOutcome(findings: $0.findings, waiverFindings: []) } }
        let active = relevant.map { !$0.isExpired(today: today) }
        func accepts(_ index: Int, _ finding: Finding, on level: LevelFindings) -> Bool {
            active[index] && relevant[index].covers(levelProfileID: level.levelProfileID, profileID: profileID)
                && Self.isWaivable(finding) && relevant[index].matches(finding)
        }
        let matched = relevant.indices.map { index in
            levels.contains { level in level.findings.contains { accepts(index, $0, on: level) } }
        }
        return levels.map { level in
            let findings = level.findings.map { finding -> Finding in
                guard let index = relevant.indices.first(where: { accepts($0, finding, on: level) }) else { return finding }
                var waived = finding
                waived.waiver = relevant[index].annotation
                return waived
            }
            var waiverFindings: [WaiverFinding] = []
            for (index, waiver) in relevant.enumerated()
            where waiver.covers(levelProfileID: level.levelProfileID, profileID: profileID) {
                if !active[index] {
                    waiverFindings.append(WaiverFinding(waivedRule: waiver.rule, finding: Self.expiredFinding(waiver, today: today)))
                } else if !matched[index] {
                    waiverFindings.append(WaiverFinding(waivedRule: waiver.rule, finding: Self.unmatchedFinding(waiver)))
                }
            }
            return LevelOutcome(findings: findings, waiverFindings: waiverFindings)
        }
    }

    /// Waivers that the run as a whole shows to be stale, or cannot check: see `WaiverProblem`.
    /// - Parameter reviewedLevels: the level profile ids reviewed, by profile id.
    public func problems(reviewedLevels: [String: Set<String>], coverage: ReviewCoverage) -> [WaiverProblem] {
        waivers.compactMap { waiver in
            guard let levels = reviewedLevels[waiver.profileID] else {
                return WaiverProblem(waiver: waiver, kind: .profileNotReviewed, coverage: coverage)
            }
            if waiver.levelCode != nil, !levels.contains(waiver.scope) {
                return WaiverProblem(waiver: waiver, kind: .levelNotInProfile, coverage: coverage)
            }
            return nil
        }
    }

    /// Whether a waiver may accept the finding: not info (it costs nothing) and not already waived.
    static func isWaivable(_ finding: Finding) -> Bool {
        finding.severity != .info && finding.waiver == nil
    }

    static func expiredFinding(_ waiver: Waiver, today: String) -> Finding {
        Finding(
            rule: WaiverRule.expired.id, dimension: waiver.dimension, severity: WaiverRule.severity,
            message: "waiver for \(waiver.title) expired on \(waiver.expires) (review date \(today)); "
                + "the findings it waived count again",
            file: waiver.file, location: waiver.location, pointer: waiver.pointer,
            evidence: "expires: \(waiver.expires) (approved by \(waiver.approvedBy))", suggestion: WaiverRule.expired.fix
        )
    }

    static func unmatchedFinding(_ waiver: Waiver) -> Finding {
        let scope = waiver.levelCode == nil ? "any level of \(waiver.profileID)" : waiver.scope
        return Finding(
            rule: WaiverRule.unmatched.id, dimension: waiver.dimension, severity: WaiverRule.severity,
            message: "waiver for \(waiver.title) matches no \(waiver.rule) finding on \(scope)",
            file: waiver.file, location: waiver.location, pointer: waiver.pointer,
            evidence: "profile: \(waiver.scope), rule: \(waiver.rule)" + (waiver.match.map { ", match: \($0)" } ?? ""),
            suggestion: WaiverRule.unmatched.fix
        )
    }
}
