import Panel
import ProfileLoading

/// What a sharded `review --format json` records for `review-profile merge` in its `shard` member:
/// which part of the corpus it reviewed, and the coverage the unsharded run over the same paths has.
///
/// A shard judges its waivers as a selection (it cannot see the other shards' profiles), but merge
/// must print them as the unsharded run does: a waiver whose profile no shard reviewed fails that
/// run when it covers all of `Profiles/`, with another message.
public struct ReviewShard: Sendable {
    public var selection: ShardSelection
    /// `ReviewCoverage.of(paths:…)` of the paths the shard was cut from.
    public var corpusCoverage: ReviewCoverage

    public init(selection: ShardSelection, corpusCoverage: ReviewCoverage) {
        self.selection = selection
        self.corpusCoverage = corpusCoverage
    }
}
