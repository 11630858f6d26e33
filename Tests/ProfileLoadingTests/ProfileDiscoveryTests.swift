import Foundation
import ProfileLoading
import Testing

@Suite("Profile discovery")
struct ProfileDiscoveryTests {
    let manager = FileManager.default

    @Test func findsYamlYmlAndJsonRecursivelyInSortedOrderSkippingHiddenEntries() throws {
        let repository = try TestSupport.temporaryRepository()
        defer { try? manager.removeItem(at: repository) }
        for path in ["b/two.yml", "a/one.yaml", "a/three.json", "a/notes.md", ".hidden/four.yaml", "a/.five.yaml"] {
            let url = repository.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "x: 1\n".write(to: url, atomically: true, encoding: .utf8)
        }
        let files = try ProfileDiscovery(workingDirectory: repository.path).discover(["."])
        #expect(files.map(\.displayPath) == ["a/one.yaml", "a/three.json", "b/two.yml"])
        #expect(files.allSatisfy { $0.problem == nil })
    }

    @Test func aSymlinkOutOfTheRepositoryIsRefusedAndTheOthersStillLoad() throws {
        let repository = try TestSupport.temporaryRepository()
        let outside = try TestSupport.temporaryRepository()
        defer {
            try? manager.removeItem(at: repository)
            try? manager.removeItem(at: outside)
        }
        let secret = outside.appendingPathComponent("secret.yaml")
        try "password: hunter2\n".write(to: secret, atomically: true, encoding: .utf8)
        try manager.createDirectory(at: repository.appendingPathComponent("Profiles"), withIntermediateDirectories: true)
        try manager.createSymbolicLink(atPath: repository.appendingPathComponent("Profiles/evil.yaml").path,
                                       withDestinationPath: secret.path)
        try manager.createSymbolicLink(atPath: repository.appendingPathComponent("Profiles/dir").path,
                                       withDestinationPath: outside.path)
        try manager.createSymbolicLink(atPath: repository.appendingPathComponent("Profiles/gone.yaml").path,
                                       withDestinationPath: repository.appendingPathComponent("missing.yaml").path)
        try "x: 1\n".write(to: repository.appendingPathComponent("Profiles/fine.yaml"), atomically: true, encoding: .utf8)

        let files = try ProfileDiscovery(workingDirectory: repository.path).discover(["Profiles"])
        #expect(files.map(\.displayPath) == ["Profiles/evil.yaml", "Profiles/fine.yaml", "Profiles/gone.yaml"])
        #expect(files[0].problem?.code == "symlink_outside_repository")
        #expect(files[1].problem == nil)
        #expect(files[2].problem?.code == "broken_symlink")

        let results = ProfileLoader(rubric: TestSupport.rubric).load(files)
        #expect(results[0].diagnostics.first?.code == "symlink_outside_repository")
        #expect(results[0].diagnostics.first?.message.contains("hunter2") == false)
        #expect(results[1].diagnostics.first?.code == "additionalProperties" || results[1].diagnostics.first?.code == "required")
    }

    @Test func aSymlinkInsideTheRepositoryIsFollowed() throws {
        let repository = try TestSupport.temporaryRepository()
        defer { try? manager.removeItem(at: repository) }
        try manager.createDirectory(at: repository.appendingPathComponent("shared"), withIntermediateDirectories: true)
        try "x: 1\n".write(to: repository.appendingPathComponent("shared/real.yaml"), atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(atPath: repository.appendingPathComponent("link.yaml").path,
                                       withDestinationPath: repository.appendingPathComponent("shared/real.yaml").path)
        let files = try ProfileDiscovery(workingDirectory: repository.path).discover(["link.yaml"])
        #expect(files.count == 1)
        #expect(files[0].problem == nil)
    }

    @Test func aSymlinkCycleTerminates() throws {
        let repository = try TestSupport.temporaryRepository()
        defer { try? manager.removeItem(at: repository) }
        try manager.createDirectory(at: repository.appendingPathComponent("a"), withIntermediateDirectories: true)
        try manager.createSymbolicLink(atPath: repository.appendingPathComponent("a/loop").path, withDestinationPath: "..")
        try "x: 1\n".write(to: repository.appendingPathComponent("a/p.yaml"), atomically: true, encoding: .utf8)
        let files = try ProfileDiscovery(workingDirectory: repository.path).discover(["a"])
        #expect(files.map(\.displayPath) == ["a/p.yaml"])
    }

    @Test func aMissingPathIsAConfigurationError() {
        #expect(throws: ConfigurationError.self) {
            try ProfileDiscovery().discover(["/definitely/not/here"])
        }
    }
}
