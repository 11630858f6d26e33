import Crypto
import Foundation
import LocatedDocument
import ProfileLoading
import Reviewers

/// What a file's cached review depends on besides its own bytes, as hashes.
///
/// A profile's LOCAL review depends on the profile schema, the level catalogue, `panel.yaml`,
/// every lexicon, the O*NET data, the review date (source dates are checked against it), the
/// loader's limits and the tool version — and on exactly one domain pack: the one it names. So
/// the dependency hash of a file is the hash of all of that, with only its own pack in it; a
/// profile that names no domain depends on no pack, and one that names an unknown domain depends
/// on the list of packs (its finding lists them). Changing one pack invalidates only the profiles
/// of that domain. The waivers (`waivers.yaml` and its schema) are left out: they apply in FINALIZE,
/// to the cached LOCAL findings.
public struct RubricDependencies: Sendable {
    /// Everything but the domain packs.
    let common: String
    /// SHA-256 of each pack file, by domain id.
    let packs: [String: String]
    /// What decides whether a file joins the corpus index and how it is read: the profile schema,
    /// the level catalogue, the limits and the tool version (not lexicons, packs or the panel).
    let corpusInputs: String

    public init(rubricDirectory: String, today: String, limits: DocumentLimits, toolVersion: String) throws(ConfigurationError) {
        var commonEntries: [String] = []
        var packs: [String: String] = [:]
        var corpusEntries: [String] = []
        for (relative, digest) in try Self.files(rubricDirectory) {
            // Waivers apply in FINALIZE, after the cache: editing them must not make every entry cold.
            if relative == "waivers.yaml" || relative == "waivers.schema.json" { continue }
            if [RubricSet.profileSchemaFile, RubricSet.levelsFile, RubricSet.levelsSchemaFile].contains(relative) {
                corpusEntries.append(relative + "\u{0}" + digest)
            }
            let parts = relative.split(separator: "/")
            if parts.count == 2, parts[0] == "domains", relative.hasSuffix(".yaml") {
                packs[String(parts[1].dropLast(5))] = digest
            } else {
                commonEntries.append(relative + "\u{0}" + digest)
            }
        }
        commonEntries += ["tool\u{0}" + toolVersion, "today\u{0}" + today, "limits\u{0}\(limits.maxBytes),\(limits)"]
        let context = ["tool\u{0}" + toolVersion, "limits\u{0}\(limits.maxBytes),\(limits)"]
        self.common = ContentHash.sha256(commonEntries.joined(separator: "\n"))
        self.corpusInputs = ContentHash.sha256((corpusEntries + context).joined(separator: "\n"))
        self.packs = packs
    }

    /// The dependency hash of a file that names `domain` (nil: none, or the file did not load).
    public func hash(domain: String?) -> String {
        let part: String
        if let domain {
            if let pack = packs[domain] { part = "pack\u{0}\(domain)\u{0}\(pack)" } else { part = "no-pack\u{0}" + packs.keys.sorted().joined(separator: ",") }
        } else {
            part = "none"
        }
        return ContentHash.sha256(common + "\n" + part)
    }

    /// The dependency hash of the corpus index's entries under `scheme`.
    public func corpusHash(scheme: MinHashScheme) -> String {
        ContentHash.sha256(corpusInputs + "\nscheme\u{0}\(scheme.shingleWords),\(scheme.bands),\(scheme.rows)")
    }

    /// Every file under the rubric directory that can judge a profile (as `ReviewRubric.sha256`
    /// counts them: not Markdown, not hidden, not `trusted-keys/`), with its SHA-256.
    static func files(_ directory: String) throws(ConfigurationError) -> [(String, String)] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
            throw ConfigurationError("rubric directory cannot be read: \(directory)")
        }
        var entries: [(String, String)] = []
        while let relative = enumerator.nextObject() as? String {
            let path = directory + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !relative.hasSuffix(".md"), !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                  !relative.hasPrefix("trusted-keys/") else { continue }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ConfigurationError("rubric file cannot be read", file: path)
            }
            entries.append((relative, ContentHash.hex(SHA256.hash(data: data))))
        }
        return entries.sorted { $0.0 < $1.0 }
    }
}
