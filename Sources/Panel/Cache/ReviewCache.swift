import Crypto
import Foundation
import ProfileLoading

/// The incremental review cache (`.review-cache/` at the project root by default).
///
/// Layout (format 1):
/// - `local/<aa>/<key>`: one LOCAL result per entry. `key` is SHA-256 of the file's raw bytes'
///   SHA-256 and its display path (findings name the file), so a hit needs no parse. The entry
///   records the tool version, the profile's domain and the dependency hash it was made with
///   (`RubricDependencies`); it is used only when all of them match the current run, so a change
///   to the rubric parts a profile uses, or to the tool, misses exactly the affected entries.
/// - `corpus-index`: the built corpus index and what it recorded of every corpus file (`CorpusIndexCache`).
///
/// Every file is framed with a checksum (`CacheFrame`): a corrupt, half-written,
/// truncated, foreign or garbage file is ignored and rewritten. Growth is bounded: a run that
/// reviews the whole profiles directory removes every entry it did not use (`prune`).
public struct ReviewCache: Sendable {
    public var directory: String
    /// Recorded in and required of every entry; injectable so tests can play a tool upgrade.
    public var toolVersion: String

    public static let defaultDirectoryName = ".review-cache"
    static let entryMagic = Array("RPLOCAL1".utf8)

    public init(directory: String, toolVersion: String = ToolInfo.version) {
        self.directory = directory
        self.toolVersion = toolVersion
    }

    /// The cache of a project: `<root>/.review-cache`.
    public init(layout: ProjectLayout, toolVersion: String = ToolInfo.version) {
        self.init(directory: layout.root + "/" + Self.defaultDirectoryName, toolVersion: toolVersion)
    }

    var localDirectory: String { directory + "/local" }

    public static func entryKey(bytesSHA256: String, file: String) -> String {
        ContentHash.sha256(bytesSHA256 + "\u{0}" + file)
    }

    func entryPath(_ key: String) -> String {
        "\(localDirectory)/\(key.prefix(2))/\(key)"
    }

    /// The cached LOCAL result for these bytes at this path, if one was made under the same
    /// dependencies and tool version and its file is intact.
    public func lookup(key: String, bytesSHA256: String, file: String, dependencies: RubricDependencies) -> LocalFileReview? {
        guard var reader = CacheFrame.reader(entryPath(key), magic: Self.entryMagic) else { return nil }
        do throws(CacheFormatError) {
            guard try reader.string() == toolVersion else { return nil }
            let domain = try reader.optionalString()
            guard try reader.string() == dependencies.hash(domain: domain), try reader.string() == bytesSHA256 else { return nil }
            let review = try reader.localFileReview()
            guard reader.isAtEnd, review.file == file, review.profile?.domain == domain else { return nil }
            return review
        } catch {
            return nil
        }
    }

    /// Stores a LOCAL result; failures are ignored (a cache that cannot be written only costs time).
    public func store(_ review: LocalFileReview, key: String, bytesSHA256: String, dependencies: RubricDependencies) {
        var writer = BinaryWriter()
        writer.string(toolVersion)
        let domain = review.profile?.domain
        writer.optionalString(domain)
        writer.string(dependencies.hash(domain: domain))
        writer.string(bytesSHA256)
        writer.localFileReview(review)
        CacheFrame.store(writer.bytes, magic: Self.entryMagic, to: entryPath(key))
    }

    /// Removes every LOCAL entry whose key is not in `used` (after a run over the whole corpus).
    public func prune(keeping used: Set<String>) {
        let manager = FileManager.default
        for bucket in (try? manager.contentsOfDirectory(atPath: localDirectory)) ?? [] {
            let folder = localDirectory + "/" + bucket
            for name in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] where !used.contains(name) {
                // Temporary files of a concurrent writer are left alone; its rename may still come.
                guard !name.hasPrefix(".") else { continue }
                try? manager.removeItem(atPath: folder + "/" + name)
            }
        }
    }
}
