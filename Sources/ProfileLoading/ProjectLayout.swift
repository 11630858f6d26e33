import Foundation

/// Where a project's profiles and rubric live. The project root is the nearest directory, from the
/// working directory upwards, that holds `Rubrics/profile.schema.json`; so the tool works from any
/// subdirectory of a checkout. Without one, paths are taken relative to the working directory.
public struct ProjectLayout: Sendable {
    public var root: String
    /// The directories default to `Profiles/`, `Rubrics/` and `Reports/` of the root; a project
    /// configuration (`.review-profile.yml`) may move them.
    public var profilesDirectory: String
    public var rubricDirectory: String
    public var reportsDirectory: String

    public init(root: String) {
        self.root = root
        self.profilesDirectory = root + "/Profiles"
        self.rubricDirectory = root + "/Rubrics"
        self.reportsDirectory = root + "/Reports"
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
}
