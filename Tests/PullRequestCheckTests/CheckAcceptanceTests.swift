import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The acceptance scenarios of `review-profile check`, run as a user or CI would: the built binary in
/// a temporary git repository holding the bundled profiles and rubric, committed on `main`.
@Suite("review-profile check in a git repository")
struct CheckAcceptanceTests {
    static let upstream = "Profiles/manufacturing-operations/production-supervision-upstream.yaml"
    static let backend = "Profiles/software-engineering/backend-platform-services.yaml"
    static let warehouse = "Profiles/logistics-operations/warehouse-operations-supervision.yaml"
    static let rule = "unknown_classification_code"

    @Test func aBranchThatDegradesOneProfileFailsAndEveryOutputNamesTheRuleFileAndLine() throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        try fixture.git("checkout", "-q", "-b", "degrade")
        try fixture.edit(Self.upstream, replacing: "code: 51-1011.00", with: "code: 51-9999.00")
        try fixture.commitAll("an O*NET code that does not exist")
        let line = try fixture.line(of: "code: 51-9999.00", in: Self.upstream)
        let summary = fixture.base.appendingPathComponent("step-summary.md")
        try "## an earlier step\n".write(to: summary, atomically: true, encoding: .utf8)

        let output = try fixture.run(
            ["check", "--base", "main", "--json", "out/check.json", "--sarif", "out/check.sarif", "--junit", "out/check.xml",
             "--markdown", "out/check.md"],
            environment: ["GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": summary.path]
        )
        #expect(output.status == 1, "\(output.stderr)")
        let lines = output.stdout.split(separator: "\n").map(String.init)

        // Text: the scorecard line with file:line:column and the rule, a one-line verdict last.
        #expect(lines.contains { $0.contains("\(Self.upstream):\(line):") && $0.contains("[\(Self.rule)]") }, "\(output.stdout)")
        #expect(lines.last?.hasPrefix("FAIL: ") == true)
        #expect(lines.last?.contains("in 1 file reviewed") == true, "\(lines.last ?? "")")
        #expect(lines.contains("  modified     \(Self.upstream)"))

        // GitHub workflow commands, before the text.
        let annotation = try #require(lines.first { $0.hasPrefix("::error ") && $0.contains("title=\(Self.rule)::") })
        #expect(annotation.hasPrefix("::error file=\(Self.upstream),line=\(line),col="))

        // JSON: only the changed file reviewed; the finding located.
        let json = try readJSON(fixture.root.appendingPathComponent("out/check.json"))
        #expect(json["reviewed_files"] as? [String] == [Self.upstream])
        #expect(json["verdict"] as? String == "fail")
        let scope = try #require(json["scope"] as? [String: Any])
        #expect(scope["base"] as? String == "main")
        #expect(scope["mode"] as? String == "changed_since_base")
        let profiles = try #require(json["profiles"] as? [[String: Any]])
        let findings = profiles.flatMap { $0["findings"] as? [[String: Any]] ?? [] }
        #expect(findings.contains { $0["rule"] as? String == Self.rule && $0["file"] as? String == Self.upstream && $0["line"] as? Int == line })
        #expect(profiles.contains { $0["decision"] as? String == "rejected" })

        // SARIF: a result for the rule at the file and line.
        let sarif = try readJSON(fixture.root.appendingPathComponent("out/check.sarif"))
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.contains { result in
            guard result["ruleId"] as? String == Self.rule,
                  let physical = ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any],
                  let artifact = physical["artifactLocation"] as? [String: Any],
                  let region = physical["region"] as? [String: Any] else { return false }
            return artifact["uri"] as? String == Self.upstream && region["startLine"] as? Int == line
        })

        // JUnit: a failure carrying the finding.
        let junit = try String(contentsOf: fixture.root.appendingPathComponent("out/check.xml"), encoding: .utf8)
        #expect(junit.contains("<testsuite name=\"\(Self.upstream)\""))
        #expect(junit.contains("\(Self.rule) \(Self.upstream):\(line):"))
        #expect(junit.contains("<failure "))
        #expect(XMLParser(data: Data(junit.utf8)).parse(), "JUnit output is well-formed XML")

        // Markdown: the table row, and the blocking finding with file:line.
        let markdown = try String(contentsOf: fixture.root.appendingPathComponent("out/check.md"), encoding: .utf8)
        #expect(markdown.contains("## review-profile check: ❌ fail"))
        #expect(markdown.contains("| **rejected** |"))
        #expect(markdown.contains("`\(Self.upstream):\(line)`"), "\(markdown)")
        #expect(markdown.contains("(`\(Self.rule)`)"))

        // The job summary was appended to, not replaced.
        let stepSummary = try String(contentsOf: summary, encoding: .utf8)
        #expect(stepSummary.hasPrefix("## an earlier step\n"))
        #expect(stepSummary.hasSuffix(markdown + "\n"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.root.appendingPathComponent("out").path).sorted()
        #expect(leftovers == ["check.json", "check.md", "check.sarif", "check.xml"])
    }

    @Test func aBranchThatOnlyFixesATypoPassesAndReviewsOnlyThatFile() throws {
        let fixture = try GitFixture { try $0.edit(Self.backend, replacing: "backward-compatible", with: "backward-compatable") }
        defer { fixture.remove() }
        try fixture.git("checkout", "-q", "-b", "typo")
        try fixture.edit(Self.backend, replacing: "backward-compatable", with: "backward-compatible")
        try fixture.commitAll("fix a typo")
        let output = try fixture.run(["check", "--base", "main", "--json", "check.json"])
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout.split(separator: "\n").last?.hasPrefix("PASS: 4 level profiles in 1 file reviewed: 4 approved") == true,
                "\(output.stdout)")
        let json = try readJSON(fixture.root.appendingPathComponent("check.json"))
        #expect(json["reviewed_files"] as? [String] == [Self.backend])
        #expect(json["rubric_changed"] as? Bool == false)
        #expect(!output.stdout.contains("::"), "no workflow commands outside GitHub Actions")
    }

    @Test func raisingTheGateThresholdReviewsEverythingAndListsTheFlips() throws {
        // On main one level profile carries a major finding: approved at the 4.0 gate with a 4.5.
        let fixture = try GitFixture {
            try $0.edit(Self.warehouse, replacing: "corrects pedestrian-traffic", with: "corrects various pedestrian-traffic")
        }
        defer { fixture.remove() }
        try fixture.git("checkout", "-q", "-b", "stricter")
        try fixture.edit("Rubrics/panel.yaml", replacing: "min_dimension_score: 4.0", with: "min_dimension_score: 5.0")
        try fixture.commitAll("raise the gate")
        let output = try fixture.run(["check", "--base", "main", "--json", "check.json", "--markdown", "check.md"])
        #expect(output.status == 1, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout.contains("protected rubric path changed: Rubrics/panel.yaml"))
        #expect(output.stdout.contains("decisions that flip (1):"), "\(output.stdout)")
        #expect(output.stdout.contains("LOGIST2.LOGISTIC04A1.M1  approved → rejected"))
        #expect(output.stdout.split(separator: "\n").last?.contains("rubric changed (1 decision flip)") == true)

        let json = try readJSON(fixture.root.appendingPathComponent("check.json"))
        #expect((json["reviewed_files"] as? [String])?.count == 7)
        #expect(json["rubric_changed"] as? Bool == true)
        #expect(json["rubric_files_changed"] as? [String] == ["Rubrics/panel.yaml"])
        let impact = try #require(json["impact"] as? [String: Any])
        #expect(impact["available"] as? Bool == true)
        #expect(impact["approved_before"] as? Int == 23)
        #expect(impact["approved_after"] as? Int == 22)
        let flips = try #require(impact["flips"] as? [[String: Any]])
        #expect(flips.map { $0["id"] as? String } == ["LOGIST2.LOGISTIC04A1.M1"])
        #expect(flips.first?["before"] as? String == "approved")
        #expect(flips.first?["after"] as? String == "rejected")

        let markdown = try String(contentsOf: fixture.root.appendingPathComponent("check.md"), encoding: .utf8)
        #expect(markdown.contains("### ⚠️ Protected rubric path changed"))
        #expect(markdown.contains("| `LOGIST2.LOGISTIC04A1.M1` | approved | **rejected** |"), "\(markdown)")
    }

    @Test func aRubricThatDidNotExistAtTheBaseIsReportedNotFatal() throws {
        let stash = FileManager.default.temporaryDirectory.appendingPathComponent("rp-stash-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: stash) }
        let fixture = try GitFixture { try FileManager.default.moveItem(at: $0.root.appendingPathComponent("Rubrics"), to: stash) }
        defer { fixture.remove() }
        try fixture.git("checkout", "-q", "-b", "add-rubric")
        try FileManager.default.moveItem(at: stash, to: fixture.root.appendingPathComponent("Rubrics"))
        try fixture.write("Rubrics/waivers.yaml", "# no waivers yet\nschema: review-profile/waivers/v1\nwaivers: []\n")
        try fixture.commitAll("add the rubric")
        let output = try fixture.run(["check", "--base", "main", "--json", "check.json"])
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout.contains("rubric impact: not available: the base ("), "\(output.stdout)")
        #expect(output.stdout.contains("has no Rubrics/ directory"))
        #expect(output.stdout.contains("Rubrics/waivers.yaml changed: waivers silence findings"))
        let json = try readJSON(fixture.root.appendingPathComponent("check.json"))
        #expect(json["waivers_changed"] as? Bool == true)
        let impact = try #require(json["impact"] as? [String: Any])
        #expect(impact["available"] as? Bool == false)
    }

    @Test func removedAndRenamedProfilesAreReportedAndTheJSONIsStable() throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        try fixture.git("checkout", "-q", "-b", "reorganise")
        try fixture.git("rm", "-q", Self.upstream)
        try fixture.git("mv", Self.backend, "Profiles/software-engineering/backend-services.yaml")
        try fixture.commitAll("remove one, rename one")
        let first = try fixture.run(["check", "--base", "main", "--json", "one.json"])
        // The second run reads the review cache the first one wrote: the same bytes must come out.
        let second = try fixture.run(["check", "--base", "main", "--json", "two.json"])
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(second.status == 0 && second.stdout == first.stdout)
        #expect(first.stdout.contains("removed profile: \(Self.upstream)"))
        #expect(first.stdout.contains("renamed      Profiles/software-engineering/backend-services.yaml (from \(Self.backend))"))
        let one = try Data(contentsOf: fixture.root.appendingPathComponent("one.json"))
        let two = try Data(contentsOf: fixture.root.appendingPathComponent("two.json"))
        #expect(one == two)
        let json = try readJSON(fixture.root.appendingPathComponent("one.json"))
        #expect(json["removed_files"] as? [String] == [Self.upstream])
        #expect(json["reviewed_files"] as? [String] == ["Profiles/software-engineering/backend-services.yaml"])
        #expect(first.stdout.split(separator: "\n").last?.hasSuffix("; 1 removed") == true)
    }

    @Test func hostileFileNamesSurviveChangeDetectionAndAreEscapedInAnnotations() throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        try fixture.git("checkout", "-q", "-b", "odd-names")
        let odd = "Profiles/odd dir/a,b:c %0A.yaml"
        try fixture.write(odd, try fixture.read(Self.upstream).replacingOccurrences(of: "code: 51-1011.00", with: "code: 51-9999.00"))
        try fixture.git("rm", "-q", Self.upstream)
        try fixture.commitAll("a hostile file name")
        let output = try fixture.run(["check", "--base", "main", "--json", "check.json"], environment: ["GITHUB_ACTIONS": "true"])
        #expect(output.status == 1, "\(output.stdout)\(output.stderr)")
        let json = try readJSON(fixture.root.appendingPathComponent("check.json"))
        #expect(json["reviewed_files"] as? [String] == [odd])
        #expect(output.stdout.contains("::error file=Profiles/odd dir/a%2Cb%3Ac %250A.yaml,line="), "\(output.stdout.prefix(600))")
    }

    @Test func uncommittedChangesCountUnlessCommittedOnly() throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        try fixture.edit(Self.upstream, replacing: "code: 51-1011.00", with: "code: 51-9999.00")
        try fixture.write("Profiles/new/untracked.yaml", try fixture.read(Self.backend))
        let local = try fixture.run(["check", "--base", "main", "--json", "local.json"])
        #expect(local.status == 1, "\(local.stdout)\(local.stderr)")
        let json = try readJSON(fixture.root.appendingPathComponent("local.json"))
        #expect(json["reviewed_files"] as? [String] == ["Profiles/manufacturing-operations/production-supervision-upstream.yaml",
                                                       "Profiles/new/untracked.yaml"])
        let committed = try fixture.run(["check", "--base", "main", "--committed-only"])
        #expect(committed.status == 0, "\(committed.stdout)")
        #expect(committed.stdout.split(separator: "\n").last == "PASS: no profile changed since main")
    }

    @Test func aBadBaseRefIsAConfigurationError() throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        let output = try fixture.run(["check", "--base", "no-such-branch"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("base ref \"no-such-branch\" does not name a commit"), "\(output.stderr)")
        #expect(output.stderr.contains("fetch-depth: 0"))
        let injection = try fixture.run(["check", "--base", "main; touch pwned $(touch pwned2)"])
        #expect(injection.status == 2)
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("pwned").path))
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("pwned2").path))
        let option = try fixture.run(["check", "--base=--output=/tmp/x"])
        #expect(option.status == 2, "a ref that looks like an option is refused: \(option.stderr)")
        let both = try fixture.run(["check", "--base", "main", "Profiles"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("--base and PATH arguments cannot be combined"))
    }

    @Test func withoutGitOrWithoutABaseEveryProfileIsReviewed() throws {
        let plain = try GitFixture(git: false)
        defer { plain.remove() }
        let output = try plain.run(["check", "--json", "check.json"])
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout.hasPrefix("review-profile check: every profile (not in a git repository"))
        let json = try readJSON(plain.root.appendingPathComponent("check.json"))
        #expect((json["scope"] as? [String: Any])?["mode"] as? String == "no_repository")
        #expect((json["reviewed_files"] as? [String])?.count == 7)

        let repository = try GitFixture()
        defer { repository.remove() }
        let noBase = try repository.run(["check", "Profiles/software-engineering"])
        #expect(noBase.status == 0)
        #expect(noBase.stdout.hasPrefix("review-profile check: the given paths: Profiles/software-engineering"))
        let fallback = try repository.run(["check"])
        #expect(fallback.status == 0)
        #expect(fallback.stdout.hasPrefix("review-profile check: every profile (no base: origin/main does not exist"), "\(fallback.stdout)")
    }

    @Test func theDefaultBaseIsOriginMain() throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        try fixture.git("update-ref", "refs/remotes/origin/main", "HEAD")
        try fixture.git("checkout", "-q", "-b", "feature")
        try fixture.edit(Self.upstream, replacing: "code: 51-1011.00", with: "code: 51-9999.00")
        try fixture.commitAll("degrade")
        let output = try fixture.run(["check"])
        #expect(output.status == 1)
        #expect(output.stdout.hasPrefix("review-profile check: profiles changed since origin/main (merge base "))
    }

    @Test func theConfigurationFileSetsDefaultsAndRejectsUnknownKeys() throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        try fixture.write(".review-profile.yml", "check:\n  base: main\n  json: reports/check.json\n  markdown: reports/check.md\n")
        try fixture.commitAll("configure")
        try fixture.git("checkout", "-q", "-b", "degrade")
        try fixture.edit(Self.upstream, replacing: "code: 51-1011.00", with: "code: 51-9999.00")
        try fixture.commitAll("degrade")
        let configured = try fixture.run(["check"])
        #expect(configured.status == 1, "\(configured.stdout)\(configured.stderr)")
        #expect(configured.stdout.hasPrefix("review-profile check: profiles changed since main"))
        #expect(FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("reports/check.json").path))
        #expect(FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("reports/check.md").path))
        // A flag overrides the configured file.
        let overridden = try fixture.run(["check", "--json", "elsewhere.json"])
        #expect(overridden.status == 1)
        #expect(FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("elsewhere.json").path))

        try fixture.write(".review-profile.yml", "profiles_dir: Profiles\ncheck:\n  base: main\n  sarf: out.sarif\n")
        let unknown = try fixture.run(["check"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains(".review-profile.yml:4:3: unknown key \"sarf\""), "\(unknown.stderr)")
        let schema = try fixture.run(["check", "--print-config-schema"])
        #expect(schema.status == 0)
        let schemaDocument = try #require(try JSONSerialization.jsonObject(with: Data(schema.stdout.utf8)) as? [String: Any])
        #expect(schemaDocument["additionalProperties"] as? Bool == false)
        #expect((schemaDocument["properties"] as? [String: Any])?.keys.sorted() == ["check", "profiles_dir", "reports_dir", "rubric_dir"])
        try fixture.write(".review-profile.yml", "profile_dir: Profiles\n")
        let topLevel = try fixture.run(["check"])
        #expect(topLevel.status == 2)
        #expect(topLevel.stderr.contains(".review-profile.yml:1:1: unknown key \"profile_dir\""), "\(topLevel.stderr)")
    }

    @Test func theConfiguredDirectoriesApplyToEverySubcommand() throws {
        let fixture = try GitFixture(git: false)
        defer { fixture.remove() }
        let catalogue = fixture.root.appendingPathComponent("catalogue")
        try FileManager.default.createDirectory(at: catalogue, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: fixture.root.appendingPathComponent("Profiles"), to: catalogue.appendingPathComponent("profiles"))
        try FileManager.default.moveItem(at: fixture.root.appendingPathComponent("Rubrics"), to: catalogue.appendingPathComponent("rubric"))
        try fixture.write(".review-profile.yml", "profiles_dir: catalogue/profiles\nrubric_dir: catalogue/rubric\n")
        let validate = try fixture.run(["validate"])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        #expect(validate.stdout.contains("validated 7 files"), "\(validate.stdout)")
        let check = try fixture.run(["check", "--json", "check.json"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let json = try readJSON(fixture.root.appendingPathComponent("check.json"))
        let reviewed = try #require(json["reviewed_files"] as? [String])
        #expect(reviewed.count == 7)
        #expect(reviewed.allSatisfy { $0.hasPrefix("catalogue/profiles/") })
        try fixture.write(".review-profile.yml", "profiles_dir: catalogue/profiles\nrubric-dir: catalogue/rubric\n")
        let broken = try fixture.run(["review"])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains(".review-profile.yml:2:1: unknown key \"rubric-dir\""), "\(broken.stderr)")
    }

    @Test func completionScriptsAreGenerated() throws {
        let fixture = try GitFixture(git: false)
        defer { fixture.remove() }
        for shell in ["bash", "zsh", "fish"] {
            let output = try fixture.run(["--generate-completion-script", shell])
            #expect(output.status == 0, "\(shell): \(output.stderr)")
            #expect(output.stdout.contains("check"), "\(shell) completion lists the check subcommand")
        }
    }

    private func readJSON(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }
}
