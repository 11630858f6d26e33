/// A waiver that no level profile of the run can carry as a finding, because the level profile it
/// names was not reviewed. It is reported with the run (rule `waiver_unmatched`, located at the
/// waiver's entry):
/// - `levelNotInProfile`: its profile was reviewed but has no such level, so the waiver matches
///   nothing; this always fails the run (exit 1);
/// - `profileNotReviewed`: no reviewed file holds its profile. When every profile was reviewed the
///   waiver is stale and fails the run; when only a selection was, it cannot be checked and is listed.
public struct WaiverProblem: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case levelNotInProfile = "level_not_in_profile"
        case profileNotReviewed = "profile_not_reviewed"
    }

    public var waiver: Waiver
    public var kind: Kind
    /// Whether the run fails because of it.
    public var failsRun: Bool

    public init(waiver: Waiver, kind: Kind, failsRun: Bool) {
        (self.waiver, self.kind, self.failsRun) = (waiver, kind, failsRun)
    }

    /// The problem as a run of this coverage reports it.
    public init(waiver: Waiver, kind: Kind, coverage: ReviewCoverage) {
        self.init(waiver: waiver, kind: kind, failsRun: kind == .levelNotInProfile || coverage == .allProfiles)
    }

    /// The same problem as a run of another coverage reports it. A shard (`.selection`) records how
    /// the unsharded run over its corpus would report its problems, so `merge` can reproduce them.
    public func judged(by coverage: ReviewCoverage) -> WaiverProblem {
        WaiverProblem(waiver: waiver, kind: kind, coverage: coverage)
    }

    public var rule: WaiverRule { .unmatched }

    public var message: String {
        switch kind {
        case .levelNotInProfile:
            return "waiver for \(waiver.title) matches nothing: profile \(waiver.profileID) has no level \(waiver.levelCode ?? "")"
        case .profileNotReviewed where failsRun:
            return "waiver for \(waiver.title) matches nothing: no reviewed profile has the id \(waiver.profileID)"
                + " (or its file did not load)"
        case .profileNotReviewed:
            return "waiver for \(waiver.title) not checked: profile \(waiver.profileID) is not in this run"
        }
    }
}
