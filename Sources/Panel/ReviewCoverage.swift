import Foundation

/// How much of the corpus a run reviews, which decides what a waiver naming an unreviewed profile means.
public enum ReviewCoverage: Sendable, Equatable {
    /// Every profile of the project (the `Profiles/` directory): a waiver for a profile not in the
    /// run is stale, and fails the run.
    case allProfiles
    /// Some files (a pull request's changes, named paths): a waiver for a profile not in the run
    /// cannot be checked and is only listed.
    case selection

    /// `.allProfiles` when no path is given (commands then review the profiles directory) or one of
    /// the paths is the profiles directory itself; `.selection` otherwise.
    public static func of(
        paths: [String], profilesDirectory: String, workingDirectory: String = FileManager.default.currentDirectoryPath
    ) -> ReviewCoverage {
        guard !paths.isEmpty else { return .allProfiles }
        func canonical(_ path: String) -> String {
            URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: workingDirectory, isDirectory: true))
                .standardizedFileURL.resolvingSymlinksInPath().path
        }
        let profiles = canonical(profilesDirectory)
        return paths.contains { canonical($0) == profiles } ? .allProfiles : .selection
    }
}
