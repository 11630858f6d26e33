import Foundation
@testable import Panel
import Testing

/// Fingerprints taken a directory at a time (relative to an open directory) are the ones taken a
/// path at a time, for files in several directories, links, missing files and odd paths.
@Suite("File fingerprints")
struct FileFingerprintTests {
    @Test func aDirectoryAtATimeEqualsAPathAtATime() throws {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("fingerprints-\(UUID().uuidString)").path
        defer { try? manager.removeItem(atPath: root) }
        for directory in ["a", "a/b", "c"] {
            try manager.createDirectory(atPath: root + "/" + directory, withIntermediateDirectories: true)
        }
        var paths: [String] = []
        for (index, directory) in ["a", "a", "a/b", "c", "c", "c"].enumerated() {
            let path = "\(root)/\(directory)/file-\(index).yaml"
            try String(repeating: "x", count: index + 1).write(toFile: path, atomically: false, encoding: .utf8)
            paths.append(path)
        }
        try manager.createSymbolicLink(atPath: root + "/c/link.yaml", withDestinationPath: root + "/a/file-0.yaml")
        paths.append(root + "/c/link.yaml")
        paths.append(root + "/c/missing.yaml")
        paths.append(root + "/no-such-directory/file.yaml")
        paths.append(root + "/a/file-1.yaml")   // a directory met again after others
        paths.append("/")

        let together = FileFingerprint.of(paths)
        let oneByOne = paths.map { FileFingerprint(path: $0) }
        #expect(together == oneByOne)
        #expect(together.compactMap { $0 }.count == paths.count - 2, "the missing file and the missing directory have none")
        #expect(together[6] == together[0], "a link has its target's fingerprint")
        #expect(FileFingerprint.of([]).isEmpty)
    }
}
