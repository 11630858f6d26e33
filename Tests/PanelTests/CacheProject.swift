import Foundation
import Panel
import ProfileLoading
import Reporting

/// A throwaway project (the package's Rubrics/ and three bundled profiles of three domains, copied
/// into a temporary directory) reviewed through `ReviewSession`, with or without a cache. Every
/// project directory (a moved one's too) is removed when the test process exits: not sooner, since a
/// test may still read a path of a project value it no longer uses.
struct CacheProject {
    static let packageRoot = PanelTestSupport.packageRoot
    static let software = "Profiles/software-engineering/backend-platform-services.yaml"
    static let upstream = "Profiles/manufacturing-operations/production-supervision-upstream.yaml"
    static let quality = "Profiles/quality-assurance/qa-operations-batch-disposition.yaml"
    static let files = [quality, upstream, software]

    let root: URL

    init(files: [String] = Self.files) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("review-cache-\(UUID().uuidString)")
        TemporaryDirectories.removeAtExit(root)
        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("Profiles"), withIntermediateDirectories: true)
        try manager.copyItem(at: Self.packageRoot.appendingPathComponent("Rubrics"), to: root.appendingPathComponent("Rubrics"))
        for file in files {
            let target = root.appendingPathComponent(file)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.copyItem(at: Self.packageRoot.appendingPathComponent(file), to: target)
        }
    }

    private init(root: URL) {
        self.root = root
    }

    /// The project moved, cache and all, to a new directory (as a CI checkout in another path).
    func moved() throws -> CacheProject {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("review-cache-moved-\(UUID().uuidString)")
        TemporaryDirectories.removeAtExit(target)
        try FileManager.default.moveItem(at: root, to: target)
        return CacheProject(root: target)
    }

    var layout: ProjectLayout { ProjectLayout(root: root.path) }
    var cacheDirectory: String { root.path + "/.review-cache" }

    func cache(toolVersion: String = ToolInfo.version) -> ReviewCache {
        ReviewCache(directory: cacheDirectory, toolVersion: toolVersion)
    }

    /// Reviews `paths` (default: all of Profiles/) with the whole of Profiles/ as the corpus.
    func review(_ paths: [String] = ["Profiles"], cache: ReviewCache?) throws -> ReviewRun {
        let rubric = try ReviewRubric.load(from: root.path + "/Rubrics", today: PanelTestSupport.today)
        let session = try ReviewSession(
            rubric: rubric, cache: cache, corpus: CorpusSource(directory: layout.profilesDirectory, workingDirectory: root.path)
        )
        let files = try ProfileDiscovery(workingDirectory: root.path).discover(paths.map { root.path + "/" + $0 })
        return session.review(files: files)
    }

    /// As `review`, with the stored corpus index read first — before the rubric loads, as `check`
    /// reads it — from `readFrom` (default: `cache` itself).
    func reviewReadingIndexFirst(_ paths: [String], cache: ReviewCache, readFrom other: ReviewCache? = nil) throws -> ReviewRun {
        let corpus = CorpusSource(directory: layout.profilesDirectory, workingDirectory: root.path)
        let read = ReviewSession.startReadingCorpusIndex(cache: other ?? cache, corpus: corpus)
        let rubric = try ReviewRubric.load(from: root.path + "/Rubrics", today: PanelTestSupport.today)
        let session = try ReviewSession(rubric: rubric, cache: cache, corpus: corpus)
        let files = try ProfileDiscovery(workingDirectory: root.path).discover(paths.map { root.path + "/" + $0 })
        return session.review(files: files, corpusIndexRead: read)
    }

    /// The run as `review --format json` prints it.
    func json(_ paths: [String] = ["Profiles"], cache: ReviewCache?) throws -> (String, ReviewStatistics) {
        let run = try review(paths, cache: cache)
        return (ReviewJSONReporter.render(run), run.statistics)
    }

    /// Appends a comment to a file (YAML: its meaning does not change, its bytes do).
    func touch(_ relative: String) throws {
        let url = root.appendingPathComponent(relative)
        var text = try String(contentsOf: url, encoding: .utf8)
        text += "\n# edited \(UUID().uuidString)\n"
        try Data(text.utf8).write(to: url)
    }

    func write(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    /// Every LOCAL entry file of the cache.
    func entryFiles() -> [String] {
        let local = cacheDirectory + "/local"
        let manager = FileManager.default
        return ((try? manager.contentsOfDirectory(atPath: local)) ?? []).sorted().flatMap { bucket in
            ((try? manager.contentsOfDirectory(atPath: local + "/" + bucket)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
                .map { local + "/" + bucket + "/" + $0 }
        }
    }

    /// The LOCAL entry of one profile (the key is the bytes' SHA-256 and the display path).
    func entryFile(for relative: String) throws -> String {
        let bytes = try Data(contentsOf: root.appendingPathComponent(relative))
        let key = ReviewCache.entryKey(bytesSHA256: ContentHash.sha256(bytes: [UInt8](bytes)), file: relative)
        return cacheDirectory + "/local/" + key.prefix(2) + "/" + key
    }
}
