import LocatedDocument
import ProfileLoading

/// The `waivers` member of one review document read for `review-profile merge`, and how merge
/// combines them into the member the unsharded run writes.
///
/// `waived_findings` is a count: the merged value is the sum (and must equal a recount of the merged
/// profiles' waived findings). `problems` lists, in waiver file order, the waivers no level profile of
/// the input carries (see `WaiverProblem`). Per waiver, each input says one of three things:
/// - nothing: it reviewed the waiver's profile (and, for a level waiver, that level);
/// - `level_not_in_profile`: it reviewed the profile but not that level;
/// - `profile_not_reviewed`: it reviewed no file holding the profile.
/// The unsharded run reviewed the union of the inputs' files, so it lists a waiver only when every
/// input does: as `level_not_in_profile` when any input reviewed the profile, otherwise as
/// `profile_not_reviewed`. How that last kind reads (and whether it fails the run) depends on the
/// run's coverage, which a shard does not have: a shard therefore also writes its problems as the
/// unsharded run would judge them (`shard.waiver_problems`), and merge takes those.
struct ShardWaivers {
    /// One element of `problems`: a waiver, identified by its entry in the waivers file.
    struct Problem {
        static let kinds: Set<String> = ["level_not_in_profile", "profile_not_reviewed"]

        /// The waivers file and the entry's JSON pointer there (`/waivers/<index>`).
        var key: String
        var kind: String
        var failsRun: Bool
        var value: JSONValue

        init(_ node: DocumentNode, in name: String) throws(ConfigurationError) {
            guard let file = node["file"]?.stringValue, let pointer = node["pointer"]?.stringValue,
                  let kind = node["kind"]?.stringValue, let failsRun = node["fails_run"]?.boolValue else {
                throw ConfigurationError(
                    "a waiver problem without \"file\", \"pointer\", \"kind\" or \"fails_run\"", file: name, location: node.location,
                    hint: "merge unedited `review --format json` outputs"
                )
            }
            guard Self.kinds.contains(kind) else {
                throw ConfigurationError(
                    "unknown waiver problem kind \"\(kind)\"", file: name, location: node.location,
                    hint: "merge the outputs of one review-profile build, and merge with that build"
                )
            }
            (self.key, self.kind, self.failsRun, self.value) = (file + "#" + pointer, kind, failsRun, JSONValue(node))
        }
    }

    var name: String
    /// The member's members in order; those other than the two below must be equal across inputs.
    var members: [(String, JSONValue)]
    var waivedFindings: Int
    /// As the input's own run judged them.
    var problems: [Problem]
    /// As the unsharded run over the input's corpus judges them: `shard.waiver_problems` for a shard,
    /// `problems` for a plain (unsharded) document.
    var corpusProblems: [Problem]

    /// - Parameter shard: the input's `shard` member, when it is a shard.
    init(_ node: DocumentNode, shard: DocumentNode?, in name: String) throws(ConfigurationError) {
        guard let waived = node["waived_findings"]?.intValue, waived >= 0, let problemNodes = node["problems"]?.arrayValue else {
            throw ConfigurationError(
                "the \"waivers\" member is malformed (needs waived_findings and problems)", file: name, location: node.location,
                hint: "merge unedited `review --format json` outputs"
            )
        }
        self.name = name
        members = node.objectValue?.map { ($0.key, JSONValue($0.value)) } ?? []
        waivedFindings = waived
        problems = try problemNodes.map { node throws(ConfigurationError) in try Problem(node, in: name) }
        guard let shard else {
            corpusProblems = problems
            return
        }
        guard let corpusNodes = shard["waiver_problems"]?.arrayValue else {
            throw ConfigurationError(
                "the \"shard\" member has no \"waiver_problems\": the shard was written by a build that cannot be merged with waivers",
                file: name, location: shard.location, hint: "rerun every shard with this review-profile build"
            )
        }
        corpusProblems = try corpusNodes.map { node throws(ConfigurationError) in try Problem(node, in: name) }
        // The same waivers, the same kinds: only how a profile outside the run is judged may differ.
        guard corpusProblems.map(\.key) == problems.map(\.key), corpusProblems.map(\.kind) == problems.map(\.kind) else {
            throw ConfigurationError(
                "shard.waiver_problems does not list the waivers of waivers.problems", file: name, location: shard.location,
                hint: "an input was edited; rerun its shard"
            )
        }
    }

    /// The merged member (in the inputs' member order) and how many of its problems fail the run.
    /// - Parameter waivedInProfiles: the waived findings of the merged profiles, which the counts must add up to.
    static func merge(_ inputs: [ShardWaivers], waivedInProfiles: Int) throws(ConfigurationError) -> (member: JSONValue, failing: Int) {
        let waived = inputs.reduce(0) { $0 + $1.waivedFindings }
        guard waived == waivedInProfiles else {
            throw ConfigurationError(
                "the inputs count \(waived) waived findings but their profiles hold \(waivedInProfiles)",
                hint: "an input was truncated or edited; rerun its shard"
            )
        }
        let problems = combinedProblems(inputs.map(\.corpusProblems))
        let reference = inputs[0]
        var members: [(String, JSONValue)] = []
        for (key, value) in reference.members {
            switch key {
            case "waived_findings": members.append((key, .int(waived)))
            case "problems": members.append((key, .array(problems.map(\.value))))
            default:
                if let other = inputs.first(where: { input in !input.members.contains { $0.0 == key && $0.1 == value } }) {
                    throw ConfigurationError(
                        "\(other.name) and \(reference.name) differ in waivers.\(key)",
                        hint: "run every shard with the same review-profile build and Rubrics/"
                    )
                }
                members.append((key, value))
            }
        }
        return (.object(members), problems.count(where: \.failsRun))
    }

    /// The problems of the run over every input's files, in waiver file order.
    static func combinedProblems(_ lists: [[Problem]]) -> [Problem] {
        var problems: [Problem] = []
        // A problem of the merged run is in every input's list, so the first list has them all, in file order.
        for candidate in lists[0] {
            let reports = lists.compactMap { list in list.first { $0.key == candidate.key } }
            guard reports.count == lists.count else { continue }  // an input reviewed the profile (and level)
            // Any input that reviewed the profile makes it a missing level. Plain inputs over disjoint
            // paths may differ in coverage; the union of their paths covers all profiles when any one does.
            problems.append(reports.first { $0.kind == "level_not_in_profile" } ?? reports.first(where: \.failsRun) ?? candidate)
        }
        return problems
    }
}
