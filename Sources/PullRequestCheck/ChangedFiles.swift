import Foundation
import ProfileLoading

/// What a diff means for the check: which profile files to review, which were removed, and which
/// protected rubric files changed.
///
/// A profile file is what `ProfileDiscovery` finds under the profiles directory; a changed path is
/// reviewed when it is one of those (matched by canonical path, so a changed symlink target counts).
/// A deleted path under the profiles directory with a profile extension is reported as removed, and so
/// is the old side of a rename out of it. Any change under the rubric directory, on either side of a
/// rename, is a rubric change.
public struct ChangedFiles: Sendable, Equatable {
    /// Changes under the profiles or the rubric directory, sorted by path.
    public var changes: [PathChange]
    /// The profile files to review, in discovery order.
    public var reviewed: [DiscoveredFile]
    /// Repository-relative paths of profile files that no longer exist.
    public var removed: [String]
    /// Repository-relative paths of changed rubric files (sorted).
    public var rubricFiles: [String]

    public var rubricChanged: Bool { !rubricFiles.isEmpty }

    public init(changes: [PathChange], reviewed: [DiscoveredFile], removed: [String], rubricFiles: [String]) {
        (self.changes, self.reviewed, self.removed, self.rubricFiles) = (changes, reviewed, removed, rubricFiles)
    }

    /// Classifies `changes` (paths relative to `topLevel`) against the discovered `profiles`.
    /// `profilesPath` and `rubricPath` are the two directories relative to `topLevel` ("" for the top
    /// level itself; nil when the directory lies outside the repository).
    public static func classify(
        _ changes: [PathChange], topLevel: String, profilesPath: String?, rubricPath: String?, profiles: [DiscoveredFile]
    ) -> ChangedFiles {
        let byCanonicalPath = Dictionary(profiles.map { ($0.resolvedPath, $0) }, uniquingKeysWith: { first, _ in first })
        var reviewedPaths = Set<String>()
        var removed = Set<String>()
        var rubricFiles = Set<String>()
        var relevant: [PathChange] = []
        for change in changes {
            let inRubric = change.touchedPaths.filter { isInside($0, rubricPath) }
            rubricFiles.formUnion(inRubric)
            let inProfiles = change.touchedPaths.contains { isInside($0, profilesPath) }
            if !inRubric.isEmpty || inProfiles { relevant.append(change) }
            if change.status == .deleted {
                if isProfileFileName(change.path, under: profilesPath) { removed.insert(change.path) }
                continue
            }
            let canonical = GitRepository.canonical(topLevel + "/" + change.path)
            let isProfile = byCanonicalPath[canonical] != nil
            if isProfile { reviewedPaths.insert(canonical) }
            // A rename to another profile file is a rename (still reviewed); a rename out of the profiles
            // directory, or to a name discovery skips, removes the profile.
            if change.status == .renamed, !isProfile, let old = change.previousPath, isProfileFileName(old, under: profilesPath) {
                removed.insert(old)
            }
        }
        let reviewed = profiles.filter { reviewedPaths.contains($0.resolvedPath) }
        return ChangedFiles(changes: relevant, reviewed: reviewed, removed: removed.sorted(), rubricFiles: rubricFiles.sorted())
    }

    static func isInside(_ path: String, _ directory: String?) -> Bool {
        guard let directory else { return false }
        return directory.isEmpty || path.hasPrefix(directory.hasSuffix("/") ? directory : directory + "/")
    }

    /// Whether discovery would have found `path` under `directory`: a profile extension, no hidden component.
    static func isProfileFileName(_ path: String, under directory: String?) -> Bool {
        guard isInside(path, directory) else { return false }
        let relative = directory.map { $0.isEmpty ? path : String(path.dropFirst($0.count + ($0.hasSuffix("/") ? 0 : 1))) } ?? path
        guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { return false }
        return DocumentFormat.discoverableExtensions.contains(DocumentFormat.pathExtension(of: path))
    }
}
