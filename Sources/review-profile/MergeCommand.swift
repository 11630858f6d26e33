import ArgumentParser
import Foundation
import ProfileLoading
import Reporting

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the JSON reviews of N shards into the one an unsharded run writes.",
        discussion: """
            Reads the `review --format json --shard K/N` outputs of every shard and writes one document that is \
            byte-identical to `review --format json` over the whole corpus: profiles in the same order, the \
            summary recomputed, waivers judged as the unsharded run judges them (a waiver whose profile no shard \
            reviewed is stale when the shards cover all of Profiles/), the shard metadata dropped. The inputs are \
            checked first: the same tool build and rubric (id, version, sha256), no file reviewed twice, every \
            shard 1…N present exactly once and all cut from the same corpus. Plain (unsharded) review documents \
            over disjoint files can be merged too; then only overlap is checked.

            Exit 0 when every merged level profile is approved, 1 when any is rejected or invalid or a waiver \
            problem fails the run, as for `review` (the merged document is still written), 2 when the inputs do \
            not fit together or cannot be read.
            See docs/scaling.md for CI matrix and Kubernetes examples.

            Examples:
              # on machine K of 3 (K = 1, 2, 3):
              review-profile review --format json --shard K/3 --output shard-K.json
              # then, with the three files in one place:
              review-profile merge shard-*.json --output review.json
            """
    )

    @Argument(help: ArgumentHelp("The shards' `review --format json` outputs.", valueName: "shard.json"))
    var inputs: [String]

    @Option(name: .long, help: ArgumentHelp("Write the merged review to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one shard output (review --format json --shard K/N)") }
    }

    func run() throws {
        var documents: [ReviewJSONMerger.Input] = []
        for path in inputs {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ConfigurationError("cannot read \(path)", hint: "check the path (each shard writes its file with --output)")
            }
            documents.append(ReviewJSONMerger.Input(name: path, bytes: [UInt8](data)))
        }
        let merged = try ReviewJSONMerger.merge(documents)
        try OutputDestination(path: output).write(merged.text)
        if !merged.passed {
            throw ExitStatus.profilesFailed.exitCode
        }
    }
}
