import Foundation
import ProfileLoading
import PullRequestCheck
import Testing

@Suite("Change detection: git name-status parsing and classification")
struct ChangeDetectionTests {
    @Test func nameStatusRecordsAreParsedVerbatim() throws {
        let output = "M\0Profiles/a.yaml\0R087\0Profiles/old name.yaml\0Profiles/new\nname.yaml\0D\0Profiles/gone.yaml\0"
            + "A\0Rubrics/waivers.yaml\0C100\0Profiles/a.yaml\0Profiles/copy.yaml\0T\0Profiles/link.yaml\0"
        let changes = try NameStatusParser.parse(output)
        #expect(changes == [
            PathChange(status: .modified, path: "Profiles/a.yaml"),
            PathChange(status: .renamed, path: "Profiles/new\nname.yaml", previousPath: "Profiles/old name.yaml"),
            PathChange(status: .deleted, path: "Profiles/gone.yaml"),
            PathChange(status: .added, path: "Rubrics/waivers.yaml"),
            PathChange(status: .copied, path: "Profiles/copy.yaml", previousPath: "Profiles/a.yaml"),
            PathChange(status: .typeChanged, path: "Profiles/link.yaml"),
        ])
        #expect(try NameStatusParser.parse("").isEmpty)
    }

    @Test func malformedNameStatusIsAnError() {
        #expect(throws: GitError.self) { try NameStatusParser.parse("Z\0x\0") }
        #expect(throws: GitError.self) { try NameStatusParser.parse("R100\0only-old\0") }
    }

    @Test func changesAreClassifiedAgainstDiscoveredProfiles() throws {
        let top = FileManager.default.temporaryDirectory.appendingPathComponent("rp-classify-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: top) }
        for path in ["Profiles/a.yaml", "Profiles/moved.yaml", "Profiles/notes.txt", "Rubrics/panel.yaml"] {
            try FileManager.default.createDirectory(atPath: (top + "/" + path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try "x: 1\n".write(toFile: top + "/" + path, atomically: true, encoding: .utf8)
        }
        let profiles = try ProfileDiscovery(workingDirectory: top).discover([top + "/Profiles"])
        let changes = [
            PathChange(status: .modified, path: "Profiles/a.yaml"),
            PathChange(status: .renamed, path: "Profiles/moved.yaml", previousPath: "Profiles/before.yaml"),
            PathChange(status: .renamed, path: "Archive/out.yaml", previousPath: "Profiles/out.yaml"),
            PathChange(status: .deleted, path: "Profiles/gone.json"),
            PathChange(status: .deleted, path: "Profiles/.hidden.yaml"),
            PathChange(status: .deleted, path: "Profiles/README.md"),
            PathChange(status: .modified, path: "Profiles/notes.txt"),
            PathChange(status: .renamed, path: "Rubrics/panel.yaml", previousPath: "Rubrics/old-panel.yaml"),
            PathChange(status: .modified, path: "README.md"),
        ]
        let classified = ChangedFiles.classify(changes, topLevel: top, profilesPath: "Profiles", rubricPath: "Rubrics", profiles: profiles)
        #expect(classified.reviewed.map(\.displayPath) == ["Profiles/a.yaml", "Profiles/moved.yaml"])
        #expect(classified.removed == ["Profiles/gone.json", "Profiles/out.yaml"])
        #expect(classified.rubricFiles == ["Rubrics/old-panel.yaml", "Rubrics/panel.yaml"])
        #expect(!classified.changes.contains { $0.path == "README.md" })
    }

    @Test func aRubricOutsideTheRepositoryNeverCountsAsChanged() {
        let changes = [PathChange(status: .modified, path: "Rubrics/panel.yaml")]
        let classified = ChangedFiles.classify(changes, topLevel: "/nonexistent", profilesPath: "Profiles", rubricPath: nil, profiles: [])
        #expect(!classified.rubricChanged)
    }
}
