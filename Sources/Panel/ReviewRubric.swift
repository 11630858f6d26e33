import Crypto
import Foundation
import LocatedDocument
import ProfileLoading
import ProfileModel
import Reviewers
import SchemaValidation

/// Everything under `Rubrics/` that a review depends on, loaded and checked once: the profile
/// schema and level catalogue, the panel policy, lexicons, domain packs and O*NET data, plus one
/// SHA-256 over all of it so a decision records exactly which rubric produced it.
public struct ReviewRubric: Sendable {
    public var directory: String
    public var loading: RubricSet
    public var policy: PanelPolicy
    public var knowledge: ReviewKnowledge
    /// `waivers.yaml`: findings accepted on purpose (empty when the file is absent).
    public var waivers: WaiverSet
    /// SHA-256 over every rubric file (path and content), Markdown and `trusted-keys/` excluded.
    public var sha256: String

    public static let panelFile = "panel.yaml"

    /// The corpus rule's parameters (its defaults when no panel places it).
    public var corpusParameters: RuleParameters { policy.parameters(for: CrossCorpusBoilerplateRule.description) }

    /// How bullets are signed for the corpus index, from the corpus rule's parameters.
    public var corpusScheme: MinHashScheme { CrossCorpusBoilerplateRule.scheme(corpusParameters) }

    /// What makes two profiles of the corpus index one family, from the corpus rule's parameters.
    public var corpusGrouping: CorpusFamilyGrouping { CrossCorpusBoilerplateRule.grouping(corpusParameters) }

    /// The share of equal signature slots that makes two bullets of the corpus index the same text.
    public var corpusMinSimilarity: Double { corpusParameters.number("min_similarity") }
    public static let onetFile = "reference/onet/occupation-data.tsv"

    /// - Parameter workingDirectory: findings about waivers name the waivers file relative to it, as
    ///   profile files are named relative to the directory they were discovered from.
    public static func load(
        from directory: String, today: String, limits: DocumentLimits = .default,
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) throws(ConfigurationError) -> ReviewRubric {
        let loading = try RubricSet.load(from: directory, limits: limits)
        let policy: PanelPolicy
        let panelPath = directory + "/" + panelFile
        let panel = try checkedDocument(panelPath, schema: directory + "/panel.schema.json", limits: limits)
        do throws(RubricDataError) {
            policy = try PanelPolicyDecoder.decode(panel, file: panelPath)
        } catch {
            throw ConfigurationError(error.message, file: error.file, location: error.location)
        }
        let knowledge = try loadKnowledge(from: directory, catalogue: loading.catalogue, today: today, limits: limits)
        let waivers = try loadWaivers(
            from: directory, catalogue: loading.catalogue, limits: limits,
            displayedFrom: ProfileDiscovery(workingDirectory: workingDirectory)
        )
        return ReviewRubric(
            directory: directory, loading: loading, policy: policy, knowledge: knowledge, waivers: waivers,
            sha256: try fingerprint(directory)
        )
    }

    /// `waivers.yaml` checked against `waivers.schema.json`; no file means no waivers.
    public static func loadWaivers(
        from directory: String, catalogue: LevelCatalogue, limits: DocumentLimits = .default,
        displayedFrom discovery: ProfileDiscovery = ProfileDiscovery()
    ) throws(ConfigurationError) -> WaiverSet {
        let path = directory + "/" + WaiverSet.file
        guard FileManager.default.fileExists(atPath: path) else { return .empty }
        let document = try checkedDocument(path, schema: directory + "/" + WaiverSet.schemaFile, limits: limits)
        do throws(RubricDataError) {
            return try WaiverDecoder.decode(document, file: path, displayFile: discovery.displayPath(of: path), catalogue: catalogue)
        } catch {
            throw ConfigurationError(error.message, file: error.file, location: error.location,
                                     hint: "the policy and an example entry are at the top of \(WaiverSet.file)")
        }
    }

    /// The reviewers' knowledge alone (lexicons, domain packs, O*NET), without the panel policy.
    public static func loadKnowledge(
        from directory: String, catalogue: LevelCatalogue, today: String, limits: DocumentLimits = .default
    ) throws(ConfigurationError) -> ReviewKnowledge {
        ReviewKnowledge(
            catalogue: catalogue, lexicons: try loadLexicons(directory, limits: limits),
            domains: try loadDomains(directory, limits: limits), occupations: try loadOccupations(directory), today: today
        )
    }

    /// A rubric document validated against its schema; the first violation is a configuration error.
    static func checkedDocument(_ path: String, schema schemaPath: String, limits: DocumentLimits)
        throws(ConfigurationError) -> DocumentNode {
        try checkedDocument(path, schema: RubricSet.loadSchema(schemaPath, limits: limits), limits: limits)
    }

    /// `path` parsed and validated against an already compiled `schema` (one schema serves every
    /// lexicon, and every domain pack: compiling it once per file cost more than validating).
    static func checkedDocument(_ path: String, schema: JSONSchema, limits: DocumentLimits) throws(ConfigurationError) -> DocumentNode {
        let document = try RubricSet.loadDocument(path, limits: limits)
        if let violation = schema.validate(document).first {
            throw ConfigurationError("\(violation.message) (\(violation.pointer))", file: path, location: violation.location)
        }
        return document
    }

    private static func loadLexicons(_ directory: String, limits: DocumentLimits) throws(ConfigurationError) -> Lexicons {
        var lexicons: [String: Lexicon] = [:]
        var decisionVerbs: RankedLexicon?
        let schema = try RubricSet.loadSchema(directory + "/lexicon.schema.json", limits: limits)
        for id in Lexicons.requiredIDs {
            let path = "\(directory)/lexicons/\(id).yaml"
            let document = try checkedDocument(path, schema: schema, limits: limits)
            do throws(RubricDataError) {
                if document["ranks"] != nil {
                    decisionVerbs = try LexiconDecoder.decodeRanked(document, file: path)
                } else {
                    lexicons[id] = try LexiconDecoder.decode(document, file: path)
                }
            } catch {
                throw ConfigurationError(error.message, file: error.file, location: error.location)
            }
        }
        guard let boilerplate = lexicons["boilerplate"], let vague = lexicons["vague-language"],
              let verbs = lexicons["action-verbs"], let artifacts = lexicons["artifacts"],
              let standards = lexicons["standards"], let decisionVerbs else {
            throw ConfigurationError("lexicons incomplete: need \(Lexicons.requiredIDs.joined(separator: ", ")) (decision-verbs with ranks, the others with entries)",
                                     file: directory + "/lexicons")
        }
        return Lexicons(boilerplate: boilerplate, vagueLanguage: vague, actionVerbs: verbs, artifacts: artifacts,
                        standards: standards, decisionVerbs: decisionVerbs)
    }

    private static func loadDomains(_ directory: String, limits: DocumentLimits) throws(ConfigurationError) -> [String: DomainPack] {
        let folder = directory + "/domains"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        var packs: [String: DomainPack] = [:]
        guard !names.isEmpty else { return packs }
        let schema = try RubricSet.loadSchema(directory + "/domain.schema.json", limits: limits)
        for name in names {
            let path = folder + "/" + name
            let document = try checkedDocument(path, schema: schema, limits: limits)
            do throws(RubricDataError) {
                let pack = try DomainPackDecoder.decode(document, file: path)
                guard pack.id + ".yaml" == name else {
                    throw RubricDataError(file: path, location: document["id"]?.location ?? .startOfFile,
                                          message: "domain pack id \"\(pack.id)\" does not match its file name \(name)")
                }
                packs[pack.id] = pack
            } catch {
                throw ConfigurationError(error.message, file: error.file, location: error.location)
            }
        }
        return packs
    }

    private static func loadOccupations(_ directory: String) throws(ConfigurationError) -> OccupationCatalogue {
        let path = directory + "/" + onetFile
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError("O*NET occupation data not found", file: path)
        }
        switch OccupationCatalogue.parse(tsv: String(decoding: data, as: UTF8.self)) {
        case .success(let catalogue): return catalogue
        case .failure(let error):
            throw ConfigurationError(error.message, file: path, location: SourceLocation(line: error.line, column: 1))
        }
    }

    /// SHA-256 of the sorted list of `path NUL sha256(content) LF` for every non-Markdown file outside
    /// `trusted-keys/` (who may sign approvals does not judge profiles: adding a key must not make every
    /// approval stale). The files are the ones the review cache's dependency hashes are built from.
    static func fingerprint(_ directory: String) throws(ConfigurationError) -> String {
        let entries = try RubricDependencies.files(directory).map { $0.0 + "\u{0}" + $0.1 }
        return ContentHash.sha256(entries.sorted().joined(separator: "\n"))
    }
}
