import LocatedDocument
import ProfileLoading

/// `review-profile merge`: combines the `review --format json` documents of N shards into the one
/// document an unsharded run writes, byte for byte.
///
/// It trusts nothing it reads: every input must come from the same tool and rubric, no file may be
/// reviewed by two inputs (overlapping shards), and when the inputs carry shard metadata
/// (`--shard K/N`) all N shards must be present, cut from the same corpus, and together hold every
/// file of it. Profiles are ordered as discovery orders files (by path, then the levels of a file in
/// their own order) and the summary is recomputed from them. The `waivers` member is combined as the
/// unsharded run judges its waivers (see `ShardWaivers`).
public enum ReviewJSONMerger {
    /// One document to merge and the name errors call it by (its path).
    public struct Input: Sendable {
        public var name: String
        public var bytes: [UInt8]

        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    /// The merged document and its counts (for the exit status).
    public struct Merged: Sendable {
        public var text: String
        public var approved: Int
        public var rejected: Int
        public var invalid: Int
        /// Waiver problems of the merged run that fail it (a level its profile lacks; with the whole
        /// `Profiles/` reviewed, a profile no file holds).
        public var failingWaiverProblems: Int

        public var passed: Bool { rejected == 0 && invalid == 0 && failingWaiverProblems == 0 }
    }

    /// Review documents of large corpora run to hundreds of megabytes; nesting stays shallow.
    static let limits = DocumentLimits(maxBytes: 2 << 30, maxDepth: 64, maxNodes: Int.max, maxAliases: 0)

    public static func merge(_ inputs: [Input]) throws(ConfigurationError) -> Merged {
        guard !inputs.isEmpty else { throw ConfigurationError("merge needs at least one review JSON document") }
        let documents = try inputs.map { input throws(ConfigurationError) in try ShardDocument(input) }
        let reference = documents[0]
        for document in documents.dropFirst() {
            try requireSameIdentity(document, as: reference)
        }
        try ShardCoverage.check(documents)
        let profiles = try orderedProfiles(documents)
        let counts = try recount(profiles, documents: documents)
        let waivers = try mergedWaivers(documents, profiles: profiles)
        var members: [(String, JSONValue)] = []
        for (key, value) in reference.members where key != "shard" {
            switch key {
            case "profiles": members.append((key, .array(profiles.map(\.value))))
            case "summary": members.append((key, counts.summary))
            case "waivers": members.append((key, waivers?.member ?? value))
            default: members.append((key, value))
            }
        }
        return Merged(
            text: JSONValue.object(members).prettySerialized() + "\n",
            approved: counts.approved, rejected: counts.rejected, invalid: counts.invalid,
            failingWaiverProblems: waivers?.failing ?? 0
        )
    }

    /// Tool, rubric and every other member that is not per-shard must be identical.
    private static func requireSameIdentity(_ document: ShardDocument, as reference: ShardDocument) throws(ConfigurationError) {
        let perShard: Set<String> = ["profiles", "summary", "shard", "waivers"]
        let keys = document.members.map(\.0).filter { !perShard.contains($0) }
        let referenceKeys = reference.members.map(\.0).filter { !perShard.contains($0) }
        guard keys == referenceKeys else {
            throw ConfigurationError(
                "\(document.name) has the members \(keys.joined(separator: ", ")) but \(reference.name) has \(referenceKeys.joined(separator: ", "))",
                hint: "merge the outputs of one `review --format json` build over one corpus"
            )
        }
        for key in keys where document.member(key) != reference.member(key) {
            let what = key == "tool" ? "tool build" : key == "rubric" ? "rubric" : "'\(key)'"
            throw ConfigurationError(
                "\(document.name) and \(reference.name) differ in their \(what): \(describe(document.member(key))) vs \(describe(reference.member(key)))",
                hint: key == "rubric"
                    ? "every shard must be reviewed with the same Rubrics/ (same id, version and sha256); rerun the stale shard"
                    : "run every shard with the same review-profile build"
            )
        }
    }

    /// The combined `waivers` member; nil when the documents have none (the key check made every
    /// document agree on whether there is one).
    private static func mergedWaivers(
        _ documents: [ShardDocument], profiles: [ProfileEntry]
    ) throws(ConfigurationError) -> (member: JSONValue, failing: Int)? {
        guard documents[0].member("waivers") != nil else { return nil }
        var inputs: [ShardWaivers] = []
        for document in documents {
            guard let waivers = document.waivers else {
                throw ConfigurationError("\(document.name) has no \"waivers\" member", hint: "merge unedited `review --format json` outputs of one build")
            }
            inputs.append(waivers)
        }
        return try ShardWaivers.merge(inputs, waivedInProfiles: profiles.reduce(0) { $0 + $1.waivedFindings })
    }

    /// Profiles grouped by file, each file from exactly one input, files in discovery order.
    private static func orderedProfiles(_ documents: [ShardDocument]) throws(ConfigurationError) -> [ProfileEntry] {
        var owner: [String: Int] = [:]  // file → index of the input that reviewed it
        var groups: [(file: String, entries: [ProfileEntry])] = []
        for (position, document) in documents.enumerated() {
            for entry in document.profiles {
                // The levels of one file are consecutive in the input they come from.
                if let last = groups.last, last.file == entry.file, owner[entry.file] == position {
                    groups[groups.count - 1].entries.append(entry)
                    continue
                }
                if let other = owner[entry.file] {
                    let place = other == position ? "twice in \(document.name)" : "in both \(documents[other].name) and \(document.name)"
                    throw ConfigurationError(
                        "\(entry.file) is reviewed \(place): the inputs overlap",
                        hint: "give each shard's output once, and run every shard with the same N over the same corpus"
                    )
                }
                owner[entry.file] = position
                groups.append((entry.file, [entry]))
            }
        }
        // The same comparison `ProfileDiscovery` sorts files by.
        groups.sort { $0.file < $1.file }
        return groups.flatMap(\.entries)
    }

    private struct Counts {
        var approved: Int
        var rejected: Int
        var invalid: Int
        var summary: JSONValue
    }

    /// Summary members are counts: each is the sum over the inputs; the three decision counts must
    /// also equal a recount of the merged profiles, or an input was cut short or edited.
    private static func recount(_ profiles: [ProfileEntry], documents: [ShardDocument]) throws(ConfigurationError) -> Counts {
        let approved = profiles.count { $0.decision == "approved" }
        let rejected = profiles.count { $0.decision == "rejected" }
        let invalid = profiles.count { $0.decision == "invalid" }
        let recounted = ["approved": approved, "rejected": rejected, "invalid": invalid]
        let keys = documents[0].summary.map(\.0)
        var summary: [(String, JSONValue)] = []
        for key in keys {
            var total = 0
            for document in documents {
                guard let member = document.summary.first(where: { $0.0 == key }), case .int(let count) = member.1 else {
                    throw ConfigurationError(
                        "\(document.name): summary.\(key) is missing or not a count",
                        hint: "merge unedited `review --format json` outputs of one build"
                    )
                }
                total += count
            }
            if let expected = recounted[key], expected != total {
                throw ConfigurationError(
                    "the inputs' summaries count \(total) \(key) level profiles but their profiles hold \(expected)",
                    hint: "an input was truncated or edited; rerun its shard"
                )
            }
            summary.append((key, .int(total)))
        }
        return Counts(approved: approved, rejected: rejected, invalid: invalid, summary: .object(summary))
    }

    private static func describe(_ value: JSONValue?) -> String {
        guard let value else { return "(missing)" }
        let text = value.serialized()
        return text.count > 300 ? String(text.prefix(300)) + "…" : text
    }
}
