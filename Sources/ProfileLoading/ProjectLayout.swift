import Foundation

/// Where a project's profiles and rubric live. The project root is the nearest directory, from the
/// working directory upwards, that holds `Rubrics/profile.schema.json`; so the tool works from any
/// subdirectory of a checkout. Without one, paths are taken relative to the working directory.
public struct ProjectLayout: Sendable {
    public var root: String

    public init(root: String) {
        self.root = root
    }

    public static func discover(from directory: String = FileManager.default.currentDirectoryPath) -> ProjectLayout {
        var candidate = FileSystemPath.resolved(directory) ?? directory
        while true {
            if case .file = FileSystemPath.targetKind(of: candidate + "/Rubrics/" + RubricSet.profileSchemaFile) {
                return ProjectLayout(root: candidate)
            }
            guard candidate != "/", !candidate.isEmpty else { break }
            candidate = (candidate as NSString).deletingLastPathComponent
        }
        return ProjectLayout(root: directory)
    }

    public var profilesDirectory: String { root + "/Profiles" }
    public var rubricDirectory: String { root + "/Rubrics" }
    public var reportsDirectory: String { root + "/Reports" }
}
