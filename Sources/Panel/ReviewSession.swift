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
        if let discovered { return discovered.allSatisfy { $0.problem == nil } ? discovered : discovered.filter { $0.problem == nil } }
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

    /// The stored corpus index file as it is read and decoded on another thread.
    public final class CorpusIndexRead: Sendable {
        let path: String
        let root: String?
        let file: BackgroundResult<CorpusIndexCache.StoredFile?, Never>

        init(path: String, root: String?) {
            (self.path, self.root) = (path, root)
            self.file = BackgroundResult { () throws(Never) in CorpusIndexCache.read(path: path, root: root) }
        }
    }

    /// Starts reading the corpus index stored in `cache` for `corpus` now, before the rubric has
    /// loaded or the files to review are known (`check` reads it while git lists the changes): the
    /// file is read and decoded here, and checked against the rubric by the session that reviews.
    /// Give it to `review(files:coverage:corpusIndexRead:)`; nil without a cache.
    public static func startReadingCorpusIndex(cache: ReviewCache?, corpus: CorpusSource) -> CorpusIndexRead? {
        guard let cache else { return nil }
        return CorpusIndexRead(path: CorpusIndexCache.path(inCacheDirectory: cache.directory), root: resolvedDirectory(corpus))
    }

    /// Reviews `files` (any subset of the corpus, or files outside it); results in input order.
    /// - Parameters:
    ///   - coverage: whether `files` are all the project's profiles (see `ReviewCoverage`).
    ///   - corpusIndexRead: the stored index as `startReadingCorpusIndex(cache:corpus:)` began
    ///     reading it; used only when it reads the file this session keeps its index in (otherwise
    ///     the session reads its own).
    public func review(files: [DiscoveredFile], coverage: ReviewCoverage = .selection, corpusIndexRead: CorpusIndexRead? = nil) -> ReviewRun {
        let scanStarted = FileFingerprint.now()
        // The stored corpus index is read while the files are reviewed (for `check`, one file).
        let indexCache = corpus == nil ? nil : corpusIndexCache()
        let storedIndex = indexCache.map { cache in
            guard let read = corpusIndexRead, read.path == cache.path, read.root == cache.root else {
                return BackgroundResult { () throws(Never) in cache.load() }
            }
            return BackgroundResult { () throws(Never) in read.file.value().flatMap(cache.snapshot(from:)) }
        }
        var locals = files.parallelMap(localReview)
        let corpusFiles = corpus?.files()
        var statistics = ReviewStatistics()
        for (file, local) in zip(files, locals) where local.key != nil {
            if local.cacheHit { statistics.cacheHits.append(file.displayPath) } else { statistics.cacheMisses.append(file.displayPath) }
        }
        let stage = corpusStage(
            locals, corpusFiles: corpusFiles, indexCache: indexCache, snapshot: storedIndex?.value(), scanStarted: scanStarted,
            statistics: &statistics
        )
        let reviewed = Set(locals.compactMap(\.key))
        let usedEntries = Set(locals.compactMap(\.cacheKey))
        // FINALIZE in chunks, releasing each chunk's LOCAL results as its reviews are made, so the
        // two never both exist for the whole corpus. The chunk holds the last reference to each
        // LOCAL result and the iteration that finalizes one takes it, so they are freed in parallel.
        var reviews: [FileReview] = []
        reviews.reserveCapacity(locals.count)
        var start = locals.count
        while start > 0 {
            let chunkStart = max(0, start - 512)
            var chunk: [LocalResult?] = locals[chunkStart..<start].map { $0 }
            locals.removeSubrange(chunkStart..<start)
            reviews.insert(contentsOf: chunk.parallelTakingMap { engine.finalize($0.review, corpus: stage, corpusKey: $0.key) }, at: 0)
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
    ///
    /// With a cache, the stored index is used as it is when nothing changed, updated in place (the
    /// changed profiles in a small table of their own) when few did, and rebuilt — and stored again —
    /// when many did or when it is missing or damaged.
    /// - Parameters:
    ///   - indexCache: where the corpus index is stored (nil without a cache or a corpus rule).
    ///   - snapshot: what `indexCache` held, if it held an intact index.
    func corpusStage(
        _ locals: [LocalResult], corpusFiles: [DiscoveredFile]?, indexCache: CorpusIndexCache?, snapshot: CorpusIndexCache.Snapshot?,
        scanStarted: Int64, statistics: inout ReviewStatistics
    ) -> CorpusStage? {
        guard hasCorpusRule else { return nil }
        var reviewedKeys: [String] = []
        var reviewedEntries: [String: CorpusIndexCache.Entry] = [:]
        for local in locals {
            guard let key = local.key, let entry = local.entry else { continue }
            reviewedKeys.append(key)
            reviewedEntries[key] = entry
        }
        guard let corpusFiles else {
            return CorpusStage(index: Self.index(of: reviewedEntries, rubric: rubric), reviewedKeys: reviewedKeys, policy: rubric.policy,
                               prepared: engine.prepared)
        }
        let corpusPaths = Set(corpusFiles.map(\.resolvedPath))
        var index = corpusIndex(
            corpusFiles, paths: corpusPaths, reviewed: reviewedEntries, indexCache: indexCache, snapshot: snapshot, scanStarted: scanStarted,
            statistics: &statistics
        )
        // Reviewed files outside the corpus directory join this run's index, never the stored one.
        let outside = reviewedEntries.compactMap { key, entry in corpusPaths.contains(key) ? nil : entry.profile.map { (key: key, profile: $0) } }
        if !outside.isEmpty { index = index.updating(removing: [], adding: outside) }
        return CorpusStage(index: index, reviewedKeys: reviewedKeys, policy: rubric.policy, prepared: engine.prepared)
    }

    /// The index over every file of the corpus (the reviewed ones as LOCAL found them): the stored
    /// one as it is, updated with what changed, or built anew; stored again when it was built anew
    /// or many files changed.
    /// - Parameter corpusPaths: the resolved paths of `corpusFiles`.
    private func corpusIndex(
        _ corpusFiles: [DiscoveredFile], paths corpusPaths: Set<String>, reviewed: [String: CorpusIndexCache.Entry], indexCache: CorpusIndexCache?,
        snapshot: CorpusIndexCache.Snapshot?, scanStarted: Int64, statistics: inout ReviewStatistics
    ) -> CorpusIndex {
        // Every corpus file's entry now: reviewed ones from LOCAL, the others as recorded when their
        // fingerprint says they did not change, otherwise read (and parsed only if their bytes changed).
        let others = corpusFiles.filter { reviewed[$0.resolvedPath] == nil }
        let fingerprints = FileFingerprint.of(others.map(\.resolvedPath))
        let resolved = Array(others.indices).parallelMap { index -> (path: String, entry: CorpusIndexCache.Entry, reread: Bool) in
            let file = others[index]
            let fingerprint = fingerprints[index]
            if let record = snapshot?.freshRecord(file.resolvedPath, fingerprint: fingerprint) {
                return (file.resolvedPath, CorpusIndexCache.Entry(fingerprint: record.fingerprint, bytesSHA256: record.bytesSHA256, profile: nil), false)
            }
            return (file.resolvedPath, corpusEntry(file, fingerprint: fingerprint, recorded: snapshot?.records[file.resolvedPath]), true)
        }
        var entries = reviewed.filter { corpusPaths.contains($0.key) }
        entries.reserveCapacity(corpusFiles.count)
        var reread = false
        for (path, entry, wasRead) in resolved {
            entries[path] = entry
            reread = reread || wasRead
            if wasRead { statistics.corpusFilesRead.append(path) } else { statistics.corpusFilesFromCache += 1 }
        }
        let records = entries.mapValues { CorpusIndexCache.Record(fingerprint: $0.fingerprint, bytesSHA256: $0.bytesSHA256) }
        func store(_ index: CorpusIndex) {
            indexCache?.save(CorpusIndexCache.Snapshot(scanStarted: scanStarted, records: records, index: index))
        }
        guard let snapshot else {
            let index = Self.index(of: entries, rubric: rubric)
            store(index)
            return index
        }
        // What differs from the stored index: files gone, and files whose bytes changed.
        var removing = Set(snapshot.records.keys.filter { !corpusPaths.contains($0) })
        var adding: [(key: String, profile: CorpusProfile)] = []
        var fingerprintsMoved = false
        for (path, entry) in entries {
            let recorded = snapshot.records[path]
            if recorded?.bytesSHA256 != entry.bytesSHA256 {
                removing.insert(path)
                if let profile = entry.profile { adding.append((path, profile)) }
            } else if recorded?.fingerprint != entry.fingerprint {
                fingerprintsMoved = true
            }
        }
        let index = snapshot.index.updating(removing: removing, adding: adding)
        let changed = removing.count + adding.count
        if changed > max(Self.corpusChangesKeptAside, snapshot.records.count / 100) {
            let compact = index.compacted()
            store(compact)
            return compact
        }
        // With nothing changed, the records hold the stored paths and bytes, so they differ from the
        // stored records exactly when a fingerprint moved (a checkout, a touch): record them then, so
        // the files are not read again.
        if changed == 0, reread || fingerprintsMoved {
            store(index)
        }
        return index
    }

    /// An index built from scratch over the profiles of `entries`.
    private static func index(of entries: [String: CorpusIndexCache.Entry], rubric: ReviewRubric) -> CorpusIndex {
        let profiles = entries.compactMap { key, entry in entry.profile.map { (key: key, profile: $0) } }
        return CorpusIndex(profiles: profiles, grouping: rubric.corpusGrouping, scheme: rubric.corpusScheme, minSimilarity: rubric.corpusMinSimilarity)
    }

    var hasCorpusRule: Bool { rubric.policy.reviewers.contains { $0.rules.contains { $0.isCorpusRule } } }

    /// Where this session's corpus index is stored: nil without a cache or without a corpus rule.
    func corpusIndexCache() -> CorpusIndexCache? {
        guard let cache, hasCorpusRule else { return nil }
        let scheme = rubric.corpusScheme
        return CorpusIndexCache(
            path: CorpusIndexCache.path(inCacheDirectory: cache.directory), dependencyHash: dependencies.corpusHash(scheme: scheme), scheme: scheme,
            grouping: rubric.corpusGrouping, minSimilarity: rubric.corpusMinSimilarity, root: corpus.flatMap(Self.resolvedDirectory)
        )
    }

    /// The corpus directory as discovery resolves file paths (absolute, symbolic links resolved), or
    /// nil when it does not resolve.
    static func resolvedDirectory(_ corpus: CorpusSource) -> String? {
        let path = corpus.directory.hasPrefix("/") ? corpus.directory : corpus.workingDirectory + "/" + corpus.directory
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Changed corpus files kept beside the stored index (read again by every run) before it is
    /// rebuilt and stored: at least this many, or 1 % of the corpus.
    static let corpusChangesKeptAside = 32

    /// A corpus file read for the index; parsed only when its bytes differ from what was `recorded`
    /// (its profile is then taken from the stored index, so it is left nil here).
    func corpusEntry(_ file: DiscoveredFile, fingerprint: FileFingerprint?, recorded: CorpusIndexCache.Record?) -> CorpusIndexCache.Entry {
        guard case .success(let bytes) = loader.reader.readBytes(file) else {
            return CorpusIndexCache.Entry(fingerprint: fingerprint, bytesSHA256: "", profile: nil)
        }
        let sha = ContentHash.hex(SHA256.hash(data: bytes))
        if let recorded, recorded.bytesSHA256 == sha {
            return CorpusIndexCache.Entry(fingerprint: fingerprint, bytesSHA256: sha, profile: nil)
        }
        let profile = loader.loadFile(file, bytes: bytes).profile.map { CorpusProfile(profile: $0, scheme: rubric.corpusScheme) }
        return CorpusIndexCache.Entry(fingerprint: fingerprint, bytesSHA256: sha, profile: profile)
    }
}
