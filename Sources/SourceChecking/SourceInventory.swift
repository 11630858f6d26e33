import ProfileLoading
import ProfileModel
import Reviewers

/// One profile's sources and, for every content layer, whether the profile uses it and which
/// sources back it.
public struct ProfileSources: Sendable {
    public struct LayerBacking: Sendable, Equatable {
        public var layer: ContentLayer
        public var used: Bool
        /// Ids of the sources listing the layer in `supports`, in file order.
        public var sourceIDs: [String]
    }

    public var file: String
    public var id: String
    public var sources: [Source]
    public var layers: [LayerBacking]

    public init(profile: Profile) {
        file = profile.file
        id = profile.id.value
        sources = profile.sources
        // The panel's own notion of "used", so `sources` and the approval gate always agree.
        let used = Set(ProvenanceCheck.usedLayers(profile))
        layers = ContentLayer.allCases.map { layer in
            LayerBacking(layer: layer, used: used.contains(layer),
                         sourceIDs: profile.sources.filter { $0.supports.contains { $0.value == layer } }.map(\.id.value))
        }
    }
}

/// Every profile's sources and what is wrong with them, before any URL is fetched.
public struct SourceInventory: Sendable {
    /// Loaded profiles, by file.
    public var profiles: [ProfileSources]
    /// Sorted; includes files that did not load.
    public var problems: [SourceProblem]
    /// The review date future `retrieved` dates are judged against, `YYYY-MM-DD`.
    public var today: String

    public init(results: [FileCheckResult], today: String) {
        self.today = today
        var profiles: [ProfileSources] = []
        var problems: [SourceProblem] = []
        for result in results {
            guard let profile = result.profile, result.isValid else {
                let first = result.diagnostics.first
                problems.append(SourceProblem(
                    file: result.file, location: first?.location ?? .startOfFile, kind: .invalidFile,
                    message: "file does not load (\(first?.message ?? "unknown error")); run review-profile validate"))
                continue
            }
            let listing = ProfileSources(profile: profile)
            profiles.append(listing)
            problems += Self.audit(profile, listing, today: today)
        }
        self.profiles = profiles.sorted { $0.file < $1.file }
        self.problems = SourceProblem.sorted(problems)
    }

    /// Every source with the file and position it is cited at, keyed by exact URL.
    public var citations: [String: [(file: String, source: Source)]] {
        var result: [String: [(file: String, source: Source)]] = [:]
        for profile in profiles {
            for source in profile.sources { result[source.url.value, default: []].append((profile.file, source)) }
        }
        return result
    }

    public var distinctURLs: [String] { Array(Set(profiles.flatMap { $0.sources.map(\.url.value) })).sorted() }

    static func audit(_ profile: Profile, _ listing: ProfileSources, today: String) -> [SourceProblem] {
        var problems: [SourceProblem] = []
        let file = profile.file
        for backing in listing.layers where backing.used && backing.sourceIDs.isEmpty {
            let (location, _) = ProvenanceCheck.location(of: backing.layer, in: profile)
            problems.append(SourceProblem(file: file, location: location, kind: .unsourcedLayer,
                                          message: "the \(backing.layer.rawValue) layer is used but no source supports it"))
        }
        let used = Set(listing.layers.filter(\.used).map(\.layer))
        var firstByKey: [String: String] = [:]
        for source in profile.sources {
            let id = source.id.value
            if !source.supports.contains(where: { used.contains($0.value) }) {
                let layers = source.supports.map(\.value.rawValue).joined(separator: ", ")
                problems.append(SourceProblem(file: file, location: source.location, kind: .unusedSource,
                                              message: "source \(id) supports only layers the profile does not use (\(layers))"))
            }
            let key = SourceURLKey.normalised(source.url.value)
            if let first = firstByKey[key] {
                problems.append(SourceProblem(file: file, location: source.url.location, kind: .duplicateURL,
                                              message: "source \(id) cites the same URL as \(first): \(source.url.value)"))
            } else {
                firstByKey[key] = id
            }
            let retrieved = source.retrieved.value
            if !today.isEmpty, retrieved.count == 10, retrieved > today {
                problems.append(SourceProblem(file: file, location: source.retrieved.location, kind: .futureRetrievedDate,
                                              message: "source \(id) retrieved \(retrieved), after today \(today)"))
            }
        }
        return problems
    }

    /// One problem per citation of every dead or refused URL, at the URL's position in each file.
    public func linkProblems(_ results: [LinkCheckResult]) -> [SourceProblem] {
        let citations = self.citations
        var problems: [SourceProblem] = []
        for result in results where result.outcome != .ok {
            let kind: SourceProblem.Kind = result.outcome == .refused ? .refusedLink : .deadLink
            for (file, source) in citations[result.url] ?? [] {
                problems.append(SourceProblem(
                    file: file, location: source.url.location, kind: kind,
                    message: "source \(source.id.value) \(result.url): \(result.error ?? result.outcome.rawValue)"))
            }
        }
        return SourceProblem.sorted(problems)
    }
}
