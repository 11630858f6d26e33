import Foundation

/// The commit checked out in the project, for the record's `git_commit`. Git runs directly through
/// `Process` (found on PATH, arguments passed as a list — no shell), and any failure — no git, not a
/// repository, no commit yet — means "not available", never an error.
public enum GitCommit {
    public static func head(in directory: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard let git = executable(named: "git", path: environment["PATH"] ?? "/usr/bin:/bin") else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: git)
        process.arguments = ["rev-parse", "--verify", "--quiet", "HEAD"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let commit = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        // SHA-1 (40) or SHA-256 (64) object names only; anything else is not trusted into a record.
        guard [40, 64].contains(commit.utf8.count), commit.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            return nil
        }
        return commit
    }

    static func executable(named name: String, path: String) -> String? {
        for directory in path.split(separator: ":") where directory.hasPrefix("/") {
            let candidate = directory + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
