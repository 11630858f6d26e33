/// The author's declared state of a profile. It is a claim, not a verdict: only the review gate approves.
public enum ProfileStatus: String, Sendable, CaseIterable {
    case draft
    case inReview = "in-review"
    case approved
    case retired
}
