import ArgumentParser
import ProfileLoading

/// `--shard K/N`, shared by the commands that review a corpus.
struct ShardOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Review only shard K of N (1 ≤ K ≤ N ≤ \(ShardSelector.maxCount)): files are split by a stable hash of their path relative to the project root. Combine the JSON outputs with `review-profile merge`.",
            valueName: "K/N"
        )
    )
    var shard: String?

    func validate() throws {
        _ = try selector()
    }

    /// Nil when the whole corpus is reviewed.
    func selector() throws -> ShardSelector? {
        guard let shard else { return nil }
        do {
            return try ShardSelector(parsing: shard)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
