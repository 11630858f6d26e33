import Foundation
import Reviewers

// review-profile-bench: the benchmark's helper (scripts/bench.sh drives it).
//   review-profile-bench generate --count N --templates Profiles --output DIR
//   review-profile-bench parse PATH...
//   review-profile-bench corpus-index --profiles N
let usage = """
    usage: review-profile-bench generate --count N --templates DIR --output DIR
           review-profile-bench parse PATH...
           review-profile-bench corpus-index --profiles N

    generate  writes a deterministic corpus of N profile variations of the templates into DIR/Profiles/
    parse     builds the located document of every YAML/JSON file under PATH on one thread and prints
              "files bytes seconds failures" (parse-only time; no schema, no review)
    corpus-index  builds the cross-corpus boilerplate index (MinHash + LSH) over N synthetic profiles of
              25 bullets and queries every bullet, as a review of the whole corpus does; prints the
              phases' seconds on standard error
    """

func option(_ name: String, in arguments: [String]) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "generate":
        guard let countText = option("--count", in: arguments), let count = Int(countText), count > 0,
              let output = option("--output", in: arguments) else {
            FileHandle.standardError.write(Data((usage + "\n").utf8))
            exit(2)
        }
        let generator = try CorpusGenerator(templateDirectory: option("--templates", in: arguments) ?? "Profiles")
        try generator.write(count: count, to: output)
    case "parse":
        let paths = Array(arguments.dropFirst())
        guard !paths.isEmpty else {
            FileHandle.standardError.write(Data((usage + "\n").utf8))
            exit(2)
        }
        let result = try ParseTimer.run(paths)
        print("\(result.files) \(result.bytes) \(String(format: "%.3f", result.seconds)) \(result.failures)")
    case "corpus-index":
        guard let countText = option("--profiles", in: arguments), let count = Int(countText), count > 0 else {
            FileHandle.standardError.write(Data((usage + "\n").utf8))
            exit(2)
        }
        let result = CorpusIndexBenchmark.run(profiles: count)
        let summary = String(
            format: "%d bullets, %d clusters, %d flagged; sign %.2f s, build %.2f s, query %.2f s",
            result.bullets, result.clusters, result.flaggedBullets, result.signing, result.building, result.querying
        )
        FileHandle.standardError.write(Data((summary + "\n").utf8))
    default:
        print(usage)
        exit(arguments.isEmpty || arguments.first == "--help" || arguments.first == "-h" ? 0 : 2)
    }
} catch {
    FileHandle.standardError.write(Data("review-profile-bench: \(error)\n".utf8))
    exit(2)
}
