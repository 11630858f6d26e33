import Foundation
import Testing

@Suite("review-profile report, run as a process")
struct ReportCommandTests {
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rp-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func writesTheFourReportsWholeAndIdenticallyTwice() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let environment = ["SOURCE_DATE_EPOCH": "1795478400"]
        let first = try CommandRunner.run(["report", "--out", directory.appendingPathComponent("a").path], environment: environment)
        let second = try CommandRunner.run(["report", "--out", directory.appendingPathComponent("b").path], environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(second.status == 0, "\(second.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("a").path).sorted()
        #expect(names == ["status.csv", "status.html", "status.json", "status.md"])
        for name in names {
            let a = try Data(contentsOf: directory.appendingPathComponent("a/\(name)"))
            let b = try Data(contentsOf: directory.appendingPathComponent("b/\(name)"))
            #expect(a == b, "\(name) differs between runs")
        }
        let json = try String(contentsOf: directory.appendingPathComponent("a/status.json"), encoding: .utf8)
        #expect(json.contains(#""generated_at": "2026-11-24T00:00:00Z""#))
        #expect(json.contains(#""file": "Profiles/"#))
    }

    @Test func writesOnlyTheChosenFormats() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try CommandRunner.run([
            "report", "Profiles/manufacturing-operations", "--format", "html,md", "--out", directory.path,
        ])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["status.html", "status.md"])
        let markdown = try String(contentsOf: directory.appendingPathComponent("status.md"), encoding: .utf8)
        #expect(markdown.contains("MANUFA3.MANUFACT13A2.M1"))
        #expect(!markdown.contains("NURSIN1"))
    }

    @Test func anUnknownFormatIsAUsageError() throws {
        let output = try CommandRunner.run(["report", "--format", "pdf", "--out", "/nonexistent"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("unknown format 'pdf'"))
    }

    @Test func helpHasExamples() throws {
        let output = try CommandRunner.run(["report", "--help"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("Examples:"))
    }
}
