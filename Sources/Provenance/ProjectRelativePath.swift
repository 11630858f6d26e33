import Foundation

/// Records name files relative to the project root, so an approval made from a subdirectory, or
/// with `./Profiles` instead of `Profiles`, names the same file.
public enum ProjectRelativePath {
    /// `file` (absolute, or relative to `workingDirectory`) relative to `root`, symlinks resolved;
    /// nil when it lies outside the project.
    public static func of(
        _ file: String, root: String, workingDirectory: String = FileManager.default.currentDirectoryPath
    ) -> String? {
        let absolute = file.hasPrefix("/") ? file : workingDirectory + "/" + file
        let resolvedFile = resolved(absolute)
        let resolvedRoot = resolved(root)
        let prefix = resolvedRoot.hasSuffix("/") ? resolvedRoot : resolvedRoot + "/"
        guard resolvedFile.hasPrefix(prefix) else { return nil }
        return String(resolvedFile.dropFirst(prefix.count))
    }

    private static func resolved(_ path: String) -> String {
        guard let pointer = realpath(path, nil) else { return (path as NSString).standardizingPath }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
