import Foundation
import ProfileLoading
import PullRequestCheck
import Testing

@Suite(".review-profile.yml")
struct ProjectConfigurationTests {
    private func withFile(_ text: String, _ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rp-config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/" + ProjectConfiguration.fileName
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try body(path)
    }

    @Test func everyKeyIsReadAndPathsAreRelativeToTheFile() throws {
        let text = """
            profiles_dir: catalogue/profiles
            rubric_dir: /srv/rubric
            reports_dir: out
            check:
              base: origin/develop
              working_tree: false
              json: out/check.json
              sarif: out/check.sarif
              junit: out/check.xml
              markdown: out/check.md
            """
        try withFile(text) { path in
            let root = (path as NSString).deletingLastPathComponent
            let configuration = try ProjectConfiguration.load(path)
            #expect(configuration.root == root)
            #expect(configuration.profilesDirectory == root + "/catalogue/profiles")
            #expect(configuration.rubricDirectory == "/srv/rubric")
            #expect(configuration.reportsDirectory == root + "/out")
            #expect(configuration.check.base == "origin/develop")
            #expect(configuration.check.includeWorkingTree == false)
            #expect(configuration.check.json == root + "/out/check.json")
            #expect(configuration.check.sarif == root + "/out/check.sarif")
            #expect(configuration.check.junit == root + "/out/check.xml")
            #expect(configuration.check.markdown == root + "/out/check.md")
        }
    }

    @Test func anEmptyFileMeansDefaults() throws {
        try withFile("# nothing configured\n") { path in
            let configuration = try ProjectConfiguration.load(path)
            #expect(configuration.profilesDirectory == nil)
            #expect(configuration.check == ProjectConfiguration.CheckDefaults())
        }
    }

    @Test(arguments: [
        ("profile_dir: Profiles\n", "1:1", "unknown key \"profile_dir\""),
        ("check:\n  base: main\n  markdwon: x.md\n", "3:3", "unknown key \"markdwon\""),
        ("check:\n  working_tree: yes please\n", "2:17", "boolean"),
        ("check:\n  base: --upload-pack=x\n", "2:9", "pattern"),
        ("- a list\n", "1:1", "object"),
    ])
    func problemsArePositioned(text: String, position: String, message: String) throws {
        try withFile(text) { path in
            do throws(ConfigurationError) {
                _ = try ProjectConfiguration.load(path)
                Issue.record("accepted \(text)")
            } catch {
                #expect(error.description.hasPrefix("\(path):\(position): "), "\(error)")
                #expect(error.description.contains(message), "\(error)")
            }
        }
    }

    @Test func locateStopsAtTheRepositoryRoot() throws {
        let top = FileManager.default.temporaryDirectory.appendingPathComponent("rp-locate-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: top) }
        try FileManager.default.createDirectory(atPath: top + "/repo/.git", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: top + "/repo/Profiles/deep", withIntermediateDirectories: true)
        try "check: { unknown: 1 }\n".write(toFile: top + "/" + ProjectConfiguration.fileName, atomically: true, encoding: .utf8)
        let outside = try ProjectConfiguration.locate(from: top + "/repo/Profiles/deep", fallbackRoot: "/fallback")
        #expect(outside.file == nil, "a file above the repository root is not this project's")
        #expect(outside.root == "/fallback")
        try "reports_dir: build\n".write(toFile: top + "/repo/" + ProjectConfiguration.fileName, atomically: true, encoding: .utf8)
        let inside = try ProjectConfiguration.locate(from: top + "/repo/Profiles/deep", fallbackRoot: "/fallback")
        #expect(inside.reportsDirectory == top + "/repo/build")
    }
}
