import LocatedDocument
import ProfileLoading

/// One `review --format json` document read for `review-profile merge`, checked for the shape the
/// merge relies on (and nothing more, so members added later pass through untouched).
struct ShardDocument {
    var name: String
    /// Top-level members in document order (`profiles` as a placeholder: see `profiles`).
    var members: [(String, JSONValue)]
    var profiles: [ProfileEntry]
    var summary: [(String, JSONValue)]
    var shard: ShardMetadata?
    /// The `waivers` member, when the document has one (documents of builds before waivers do not).
    var waivers: ShardWaivers?

    init(_ input: ReviewJSONMerger.Input) throws(ConfigurationError) {
        name = input.name
        let root: DocumentNode
        do {
            root = try JSONReader.read(input.bytes, limits: ReviewJSONMerger.limits)
        } catch {
            throw ConfigurationError("not valid JSON: \(error.message)", file: input.name, location: error.location, hint: error.hint)
        }
        guard let object = root.objectValue else {
            throw Self.shapeError(input.name, "the document is not a JSON object")
        }
        // The profiles are kept once, as entries; their member only holds its place in the order.
        members = object.map { ($0.key, $0.key == "profiles" ? JSONValue.null : JSONValue($0.value)) }
        guard let profileNodes = root["profiles"]?.arrayValue else {
            throw Self.shapeError(input.name, "no \"profiles\" array")
        }
        guard case .object(let summary)? = root["summary"].map(JSONValue.init) else {
            throw Self.shapeError(input.name, "no \"summary\" object")
        }
        for key in ["tool", "rubric"] where root[key]?.objectValue == nil {
            throw Self.shapeError(input.name, "no \"\(key)\" object")
        }
        self.summary = summary
        var profiles: [ProfileEntry] = []
        for node in profileNodes {
            guard let file = node["file"]?.stringValue, let decision = node["decision"]?.stringValue else {
                throw ConfigurationError(
                    "a profile entry without a \"file\" or \"decision\" string", file: input.name, location: node.location,
                    hint: "merge unedited `review --format json` outputs"
                )
            }
            let waived = node["findings"]?.arrayValue?.count { finding in finding["waiver"]?.objectValue != nil } ?? 0
            profiles.append(ProfileEntry(file: file, decision: decision, waivedFindings: waived, value: JSONValue(node)))
        }
        self.profiles = profiles
        shard = try root["shard"].map { node throws(ConfigurationError) in try ShardMetadata(node, in: input.name) }
        waivers = try root["waivers"].map { node throws(ConfigurationError) in
            try ShardWaivers(node, shard: root["shard"], in: input.name)
        }
    }

    func member(_ key: String) -> JSONValue? {
        members.first { $0.0 == key }?.1
    }

    private static func shapeError(_ name: String, _ problem: String) -> ConfigurationError {
        ConfigurationError(
            "not a `review --format json` document: \(problem)", file: name,
            hint: "merge the files written by `review-profile review --format json --shard K/N`"
        )
    }
}

/// One element of a review document's `profiles`: a level review or an invalid file.
struct ProfileEntry {
    var file: String
    var decision: String
    /// Its findings that carry a waiver.
    var waivedFindings: Int
    var value: JSONValue
}

/// The `shard` member a `--shard K/N` run adds.
struct ShardMetadata: Equatable {
    var index: Int
    var count: Int
    var files: Int
    var corpusFiles: Int
    var corpusFingerprint: String

    init(_ node: DocumentNode, in name: String) throws(ConfigurationError) {
        guard let index = node["index"]?.intValue, let count = node["count"]?.intValue,
              let files = node["files"]?.intValue, let corpusFiles = node["corpus_files"]?.intValue,
              let fingerprint = node["corpus_fingerprint"]?.stringValue,
              count >= 1, (1...count).contains(index), files >= 0, corpusFiles >= files else {
            throw ConfigurationError(
                "the \"shard\" member is malformed (needs index, count, files, corpus_files, corpus_fingerprint)",
                file: name, location: node.location, hint: "merge unedited `review --format json --shard K/N` outputs"
            )
        }
        (self.index, self.count, self.files, self.corpusFiles, self.corpusFingerprint) = (index, count, files, corpusFiles, fingerprint)
    }
}
