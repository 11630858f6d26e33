import Crypto
import Foundation
import LocatedDocument
import ProfileLoading
import ProfileModel
import Reviewers

/// Where the corpus lives: every profile file under `directory` joins the corpus index, whatever
/// subset of files a run reviews (so `check` of one file still sees the whole corpus).
public struct CorpusSource: Sendable {
    public var directory: String
    public var workingDirectory: String
    /// What discovery already found under `directory` (from `workingDirectory`), so a caller that
    /// listed the corpus does not make the session list it again.
    public var discovered: [DiscoveredFile]?

    public init(
        directory: String, workingDirectory: String = FileManager.default.currentDirectoryPath, discovered: [DiscoveredFile]? = nil
    ) {
        self.directory = directory
        self.workingDirectory = workingDirectory
        self.discovered = discovered
    }

    /// The corpus files; none when the directory does not exist.
    func files() -> [DiscoveredFile] {
        if let discovered { return discovered.filter { $0.problem == nil } }
        guard FileManager.default.fileExists(atPath: directory) else { return [] }
        return ((try? ProfileDiscovery(workingDirectory: workingDirectory).discover([directory])) ?? []).filter { $0.problem == nil }
    }
}

/// A review run, streaming: each file is read, hashed, looked up in the cache or loaded and put
/// through the LOCAL stage in one parallel pass (its parsed tree dropped as soon as its LOCAL
/// result exists); then the corpus index is assembled and every file goes through FINALIZE.
///
/// ```swift
/// let session = try ReviewSession(rubric: rubric, cache: ReviewCache(layout: layout),
///                                 corpus: CorpusSource(directory: layout.profilesDirectory))
/// let run = session.review(files: try ProfileDiscovery().discover(["Profiles/a.yaml"]))
/// ```
public struct ReviewSession: Sendable {
    public let rubric: ReviewRubric
    public let limits: DocumentLimits
    public let cache: ReviewCache?
    public let corpus: CorpusSource?
    let engine: ReviewEngine
    let loader: ProfileLoader
    let dependencies: RubricDependencies

    /// - Parameters:
    ///   - cache: nil disables the cache (`--no-cache`).
    ///   - corpus: nil makes the corpus just the reviewed files.
    public init(rubric: ReviewRubric, limits: DocumentLimits = .default, cache: ReviewCache? = nil, corpus: CorpusSource? = nil)
        throws(ConfigurationError) {
        self.rubric = rubric
        self.limits = limits
        self.cache = cache
        self.corpus = corpus
        self.engine = ReviewEngine(rubric: rubric)
        self.loader = ProfileLoader(rubric: rubric.loading, limits: limits)
        self.dependencies = try RubricDependencies(
            rubricDirectory: rubric.directory, today: rubric.knowledge.today, limits: limits,
            toolVersion: cache?.toolVersion ?? ToolInfo.version
        )
    }

    /// What the LOCAL pass produced for one file.
    struct LocalResult: Sendable {
        var review: LocalFileReview
        /// The corpus index key (resolved path); nil for a file that could not be read.
        var key: String?
        var entry: CorpusIndexCache.Entry?
        var cacheKey: String?
        var cacheHit: Bool
    }

    /// Reviews `files` (any subset of the corpus, or files outside it); results in input order.
    /// - Parameter coverage: whether `files` are all the project's profiles (see `ReviewCoverage`).
    public func review(files: [DiscoveredFile], coverage: ReviewCoverage = .selection) -> ReviewRun {
        let scanStarted = FileFingerprint.now()
        var locals = files.parallelMap(localReview)
        let corpusFiles = corpus?.files()
        var statistics = ReviewStatistics()
        for (file, local) in zip(files, locals) where local.key != nil {
            if local.cacheHit { statistics.cacheHits.append(file.displayPath) } else { statistics.cacheMisses.append(file.displayPath) }
        }
        let stage = corpusStage(locals, corpusFiles: corpusFiles, scanStarted: scanStarted, statistics: &statistics)
        let reviewed = Set(locals.compactMap(\.key))
        let usedEntries = Set(locals.compactMap(\.cacheKey))
        // FINALIZE in chunks, releasing each chunk's LOCAL results as its reviews are made, so the
        // two never both exist for the whole corpus.
        var reviews: [FileReview] = []
        reviews.reserveCapacity(locals.count)
        var start = locals.count
        while start > 0 {
            let chunkStart = max(0, start - 512)
            let chunk = Array(locals[chunkStart..<start])
            locals.removeSubrange(chunkStart..<start)
            reviews.insert(contentsOf: chunk.parallelMap { engine.finalize($0.review, corpus: stage, corpusKey: $0.key) }, at: 0)
            start = chunkStart
        }
        if let cache, let corpusFiles, corpusFiles.allSatisfy({ reviewed.contains($0.resolvedPath) }) {
            cache.prune(keeping: usedEntries)
        }
        var run = engine.run(reviews, coverage: coverage)
        run.statistics = statistics
        return run
    }

    /// The LOCAL stage of one file, through the cache.
    func localReview(_ file: DiscoveredFile) -> LocalResult {
        let fingerprint = file.problem == nil ? FileFingerprint(path: file.resolvedPath) : nil
        let bytes: [UInt8]
        switch loader.reader.readBytes(file) {
        case .success(let read): bytes = read
        case .failure(let diagnostic):
            return LocalResult(review: LocalFileReview(file: file.displayPath, outcome: .invalid([diagnostic])),
                               key: nil, entry: nil, cacheKey: nil, cacheHit: false)
        }
        let sha = ContentHash.hex(SHA256.hash(data: bytes))
        let cacheKey = ReviewCache.entryKey(bytesSHA256: sha, file: file.displayPath)
        let review: LocalFileReview
        var hit = false
        if let cached = cache?.lookup(key: cacheKey, bytesSHA256: sha, file: file.displayPath, dependencies: dependencies) {
            review = cached
            hit = true
        } else {
            review = engine.local(loader.loadFile(file, bytes: bytes))
            cache?.store(review, key: cacheKey, bytesSHA256: sha, dependencies: dependencies)
        }
        let entry = CorpusIndexCache.Entry(fingerprint: fingerprint, bytesSHA256: sha, profile: review.profile?.corpus)
        return LocalResult(review: review, key: file.resolvedPath, entry: entry, cacheKey: cache == nil ? nil : cacheKey, cacheHit: hit)
    }

    /// The corpus index over the reviewed files and every file of the corpus source; nil when no
    /// corpus rule sits on the panel.
    func corpusStage(
        _ locals: [LocalResult], corpusFiles: [DiscoveredFile]?, scanStarted: Int64, statistics: inout ReviewStatistics
    ) -> CorpusStage? {
        let hasCorpusRule = rubric.policy.reviewers.contains { $0.rules.contains { $0.isCorpusRule } }
        guard hasCorpusRule else { return nil }
        let scheme = rubric.corpusScheme
        var members: [String: CorpusProfile] = [:]
        var reviewedKeys: [String] = []
        var reviewedEntries: [String: CorpusIndexCache.Entry] = [:]
        for local in locals {
            guard let key = local.key, let entry = local.entry else { continue }
            reviewedKeys.append(key)
            reviewedEntries[key] = entry
            if let profile = entry.profile { members[key] = profile }
        }
        if let corpusFiles {
            let indexCache = cache.map {
                CorpusIndexCache(path: $0.directory + "/corpus-index", dependencyHash: dependencies.corpusHash(scheme: scheme))
            }
            let snapshot = indexCache?.load()
            let others = corpusFiles.filter { reviewedEntries[$0.resolvedPath] == nil }
            let resolved = others.parallelMap { file -> (String, CorpusIndexCache.Entry, Bool) in
                let fingerprint = FileFingerprint(path: file.resolvedPath)
                if let fresh = snapshot?.freshEntry(file.resolvedPath, fingerprint: fingerprint) {
                    return (file.resolvedPath, fresh, false)
                }
                return (file.resolvedPath, corpusEntry(file, fingerprint: fingerprint, previous: snapshot?.entries[file.resolvedPath]), true)
            }
            var entries: [String: CorpusIndexCache.Entry] = [:]
            var changed = snapshot == nil
            for (path, entry, reread) in resolved {
                entries[path] = entry
                changed = changed || reread
                if reread { statistics.corpusFilesRead.append(path) } else { statistics.corpusFilesFromCache += 1 }
                if let profile = entry.profile { members[path] = profile }
            }
            let corpusPaths = Set(corpusFiles.map(\.resolvedPath))
            for (path, entry) in reviewedEntries where corpusPaths.contains(path) {
                let previous = snapshot?.entries[path]
                changed = changed || previous?.fingerprint != entry.fingerprint || previous?.bytesSHA256 != entry.bytesSHA256
                entries[path] = entry
            }
            changed = changed || snapshot?.entries.count != entries.count
            if let indexCache, changed {
                indexCache.save(CorpusIndexCache.Snapshot(scanStarted: scanStarted, entries: entries))
            }
        }
        let parameters = rubric.corpusParameters
        let index = CorpusIndex(
            profiles: members.map { (key: $0.key, profile: $0.value) }, grouping: CrossCorpusBoilerplateRule.grouping(parameters),
            scheme: scheme, minSimilarity: parameters.number("min_similarity")
        )
        return CorpusStage(index: index, reviewedKeys: reviewedKeys, policy: rubric.policy, prepared: engine.prepared)
    }

    /// A corpus file read for the index: reused from `previous` when its bytes did not change.
    func corpusEntry(_ file: DiscoveredFile, fingerprint: FileFingerprint?, previous: CorpusIndexCache.Entry?) -> CorpusIndexCache.Entry {
        guard case .success(let bytes) = loader.reader.readBytes(file) else {
            return CorpusIndexCache.Entry(fingerprint: fingerprint, bytesSHA256: "", profile: nil)
        }
        let sha = ContentHash.hex(SHA256.hash(data: bytes))
        if let previous, previous.bytesSHA256 == sha {
            return CorpusIndexCache.Entry(fingerprint: fingerprint, bytesSHA256: sha, profile: previous.profile)
        }
        let profile = loader.loadFile(file, bytes: bytes).profile.map { CorpusProfile(profile: $0, scheme: rubric.corpusScheme) }
        return CorpusIndexCache.Entry(fingerprint: fingerprint, bytesSHA256: sha, profile: profile)
    }
}
