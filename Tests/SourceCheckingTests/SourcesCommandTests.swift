import Foundation
import Testing
import _CommandTestSupport

/// `review-profile sources`, run as a process the way CI runs it.
@Suite("review-profile sources, run as a process")
struct SourcesCommandTests {
    static let environment = ["SOURCE_DATE_EPOCH": "1795478400"]  // 2026-11-24
    static let nursing = "Profiles/clinical-nursing/registered-nurse-medical-surgical.yaml"

    /// A copy of the nursing profile with `edit` applied, in a fresh directory.
    static func profile(_ edit: (String) -> String) throws -> (directory: URL, file: URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rp-sources-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let original = try String(contentsOf: ProcessRunner.packageRoot.appendingPathComponent(nursing), encoding: .utf8)
        let file = directory.appendingPathComponent("profile.yaml")
        try edit(original).write(to: file, atomically: true, encoding: .utf8)
        return (directory, file)
    }

    @Test func bundledProfilesHaveNoSourceProblems() throws {
        let output = try ProcessRunner.run(["sources", "Profiles"], environment: Self.environment)
        #expect(output.status == 0, "\(output.stdout.suffix(2000))\(output.stderr)")
        #expect(output.stdout.hasSuffix("; no problems\n"))
        #expect(output.stdout.contains("  layers: summary ← s1 s2; responsibilities ← s4 s5;"))
    }

    @Test func everyKindOfProblemIsFlaggedAtItsPositionAndJSONIsStable() throws {
        let (directory, file) = try Self.profile { text in
            text.replacingOccurrences(of: "https://www.nclex.com/", with: "http://ONETONLINE.org/link/summary/29-1141.00/#x")
                .replacingOccurrences(of: "supports: [pay, guidelines, summary]", with: "supports: [guidelines, summary]")
                .replacingOccurrences(of: "    supports: [guidelines]\n", with: "    supports: [guidelines]\n  - { id: s9, title: Unused source, publisher: Nobody, url: 'https://example.org/x', retrieved: 2027-01-02, supports: [summary] }\n")
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try ProcessRunner.run(["sources", file.path], environment: Self.environment)
        #expect(output.status == 1, "\(output.stderr)")
        let problems = output.stdout.split(separator: "\n").filter { $0.contains(": error: ") }
        let kinds = problems.compactMap { $0.split(separator: "[").last?.dropLast() }
        #expect(kinds.sorted() == ["duplicate_url", "future_retrieved_date", "unsourced_layer"], "\(output.stdout)")
        #expect(problems.allSatisfy { $0.hasPrefix(file.path + ":") })
        #expect(output.stdout.contains("pay ← none"))
        let first = try ProcessRunner.run(["sources", "--format", "json", file.path], environment: Self.environment)
        let second = try ProcessRunner.run(["sources", "--format", "json", file.path], environment: Self.environment)
        #expect(first.status == 1 && first.stdout == second.stdout)
        #expect(first.stdout.contains("\"kind\": \"duplicate_url\""))
    }

    @Test func aSourceForOnlyUnusedLayersIsFlagged() throws {
        // Without classifications the layer is unused, so a source backing only it supports nothing.
        let (directory, file) = try Self.profile { text in
            text.replacingOccurrences(of: "classifications:\n  - { system: O*NET-SOC, code: 29-1141.00, source: s1 }\n", with: "")
                .replacingOccurrences(of: "    supports: [guidelines]\n", with: "    supports: [guidelines]\n  - { id: s9, title: Extra source, publisher: Nobody, url: 'https://example.org/x', retrieved: 2026-01-02, supports: [classifications] }\n")
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try ProcessRunner.run(["sources", file.path], environment: Self.environment)
        #expect(output.status == 1, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout.contains("error: source s9 supports only layers the profile does not use (classifications) [unused_source]"), "\(output.stdout)")
        #expect(output.stdout.contains("classifications (unused) ← s1 s9"))
    }

    @Test func checkRefusesPrivateTargetsWithoutConnectingAndWritesTheRecord() throws {
        let (directory, file) = try Self.profile { text in
            text.replacingOccurrences(of: "https://www.nclex.com/", with: "http://169.254.169.254/latest/meta-data/")
                .replacingOccurrences(of: "https://www.onetonline.org/link/summary/29-1141.00", with: "http://2130706433:9/")
                .replacingOccurrences(of: "https://www.bls.gov/ooh/healthcare/registered-nurses.htm", with: "http://[::ffff:10.0.0.1]/")
                .replacingOccurrences(of: "https://www.jointcommission.org/standards/national-patient-safety-goals/hospital-national-patient-safety-goals/", with: "http://localhost:9/")
                .replacingOccurrences(of: "https://www.nursingworld.org/practice-policy/scope-of-practice/", with: "http://100.64.0.1/")
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let record = directory.appendingPathComponent("out/sources.json")
        let output = try ProcessRunner.run(["sources", "--check", "--output", record.path, file.path], environment: Self.environment)
        #expect(output.status == 1, "\(output.stderr)")
        #expect(output.stdout.contains("checked 5 URLs: 0 ok, 0 dead, 5 refused"), "\(output.stdout)")
        let json = try String(contentsOf: record, encoding: .utf8)
        #expect(json.components(separatedBy: "\"outcome\": \"refused\"").count == 6)
        #expect(json.contains("\"retrieved_at\": \"2026-11-24T00:00:00Z\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: record.deletingLastPathComponent().path) == ["sources.json"])
    }

    @Test func checkAgainstTheLoopbackServerWithAllowPrivate() async throws {
        try await withLoopbackServer { server in
            let cases = ["/ok", "/missing", "/chain/3", "/chain/7", "/head-405", "/slow", "/huge", "/to-file"]
            let urls = ["https://www.onetonline.org/link/summary/29-1141.00", "https://www.bls.gov/ooh/healthcare/registered-nurses.htm",
                        "https://www.nclex.com/", "https://www.jointcommission.org/standards/national-patient-safety-goals/hospital-national-patient-safety-goals/",
                        "https://www.nursingworld.org/practice-policy/scope-of-practice/"]
            let (directory, file) = try Self.profile { text in
                var edited = text
                for (url, path) in zip(urls, cases) { edited = edited.replacingOccurrences(of: url, with: server.base + path) }
                let extra = cases.dropFirst(urls.count).enumerated().map { index, path in
                    "  - { id: x\(index), title: Extra case, publisher: Test, url: '\(server.base + path)', retrieved: 2026-01-02, supports: [skills] }\n"
                }.joined()
                return edited.replacingOccurrences(of: "    supports: [guidelines]\n", with: "    supports: [guidelines]\n" + extra)
            }
            defer { try? FileManager.default.removeItem(at: directory) }
            let record = directory.appendingPathComponent("sources.json")
            let started = Date()
            let output = try ProcessRunner.run(
                ["sources", "--check", "--allow-private", "--timeout", "1", "--output", record.path, file.path],
                environment: Self.environment)
            print("sources --check --allow-private --timeout 1 (\(cases.count) URLs): \(String(format: "%.3f", Date().timeIntervalSince(started))) s")
            #expect(output.status == 1)
            #expect(output.stdout.contains("checked 8 URLs: 4 ok, 3 dead, 1 refused"), "\(output.stdout)")
            for fragment in ["/missing: HTTP 404 [dead_link]", "/chain/7: more than 5 redirects [dead_link]",
                             "/slow: timed out after 1 s [dead_link]", "scheme \"file\" is not http or https [refused_link]"] {
                #expect(output.stdout.contains(fragment), "\(fragment)")
            }
            let json = try String(contentsOf: record, encoding: .utf8)
            #expect(json.contains("\"allow_private\": true"))
        }
    }
}

/// Runs the built `review-profile` from the package root.
enum ProcessRunner {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ToolOutput {
        try ToolProcess.run(arguments, in: packageRoot, environment: environment)
    }
}
