import ProfileModel

/// The findings the waivers themselves produce, so that a waiver cannot rot. They are not panel
/// rules: no reviewer runs them on profile text, they are counted on the reviewer that owns the
/// waived rule, and they cannot be waived. `review-profile explain waiver_expired` documents them.
public enum WaiverRule: String, CaseIterable, Sendable {
    case expired = "waiver_expired"
    case unmatched = "waiver_unmatched"

    public var id: String { rawValue }

    /// Both are major: they cost the owning reviewer a point on each level profile the waiver names.
    public static let severity = Severity.major

    public static func rule(id: String) -> WaiverRule? { WaiverRule(rawValue: id) }

    public var name: String {
        switch self {
        case .expired: return "Expired waiver"
        case .unmatched: return "Waiver matches no finding"
        }
    }

    public var summary: String {
        switch self {
        case .expired:
            return "A waiver in `Rubrics/waivers.yaml` whose `expires` date is before the review date. It no longer "
                + "applies: the findings it waived cost points again, and the waiver itself is a finding."
        case .unmatched:
            return "A waiver in `Rubrics/waivers.yaml` that accepts no finding: no finding of its rule (containing its "
                + "`match` text, when set) on the profile or level profile it names."
        }
    }

    public var rationale: String {
        switch self {
        case .expired:
            return "A waiver is a decision with an owner and an end date. When the date passes, someone must look again: "
                + "fix what was waived, or renew the waiver with a fresh approval."
        case .unmatched:
            return "A waiver that waives nothing is stale — the finding was fixed, or the waiver names the wrong profile, "
                + "rule or text. Left in place it would silently accept the next finding of that rule."
        }
    }

    public var fix: String {
        switch self {
        case .expired: return "Fix the waived findings and delete the waiver, or renew it: a new `expires` date, approved again."
        case .unmatched: return "Delete the waiver, or correct its `profile`, `rule` or `match` so that it names the finding it is meant to accept."
        }
    }
}
