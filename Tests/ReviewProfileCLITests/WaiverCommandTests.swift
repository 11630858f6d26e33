import Foundation
import Testing

/// `review` with a `Rubrics/waivers.yaml`, run as a process in a throwaway project (Rubrics/ and
/// two bundled profiles copied, one of them degraded).
@Suite("review-profile review with waivers, run as processes")
struct WaiverCommandTests {
    static let environment = ["SOURCE_DATE_EPOCH": "1795478400"]  // 2026-11-24
    static let upstream = "Profiles/manufacturing-operations/production-supervision-upstream.yaml"
    static let finance = "Profiles/finance-accounting/general-ledger-close.yaml"

    /// A project whose upstream profile carries an O*NET-SOC code that is no occupation (a blocker on every level).
    struct Project {
        let root: URL

        init(waivers: String, degrade: Bool = true) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("rp-waiver-cli-\(UUID().uuidString)")
            let manager = FileManager.default
            try manager.createDirectory(at: root, withIntermediateDirectories: true)
            try manager.copyItem(at: CommandRunner.packageRoot.appendingPathComponent("Rubrics"), to: root.appendingPathComponent("Rubrics"))
            for file in [WaiverCommandTests.upstream, WaiverCommandTests.finance] {
                let target = root.appendingPathComponent(file)
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                var text = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent(file), encoding: .utf8)
                if degrade, file == WaiverCommandTests.upstream { text = text.replacingOccurrences(of: "51-1011.00", with: "51-9999.00") }
                try Data(text.utf8).write(to: target)
            }
            try Data(("schema: review-profile/waivers/v1\n" + waivers).utf8).write(to: root.appendingPathComponent("Rubrics/waivers.yaml"))
        }

        func review(_ arguments: [String] = []) throws -> (status: Int32, stdout: String, stderr: String) {
            let output = try CommandRunner.run(["review"] + arguments, in: root, environment: WaiverCommandTests.environment)
            return (output.status, output.stdout, output.stderr)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static func waiver(_ scope: String, rule: String = "unknown_classification_code", expires: String = "2027-06-30") -> String {
        """
          - profile: \(scope)
            rule: \(rule)
            reason: The code is the employer's internal SOC extension, agreed with the O*NET liaison.
            approved_by: rubric-owners
            expires: \(expires)

        """
    }

    @Test func aWaivedBlockerPassesTheGateAndIsShownWaived() throws {
        let project = try Project(waivers: "waivers:\n" + Self.waiver("MANUFA3.MANUFACT13A2"))
        defer { project.remove() }
        let output = try project.review()
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout.contains("  waived  Profiles/manufacturing-operations/production-supervision-upstream.yaml:"))
        #expect(output.stdout.contains("waived: blocker finding, approved by rubric-owners until 2027-06-30 (Rubrics/waivers.yaml:3)"))
        #expect(output.stdout.split(separator: "\n").last?.hasSuffix("; 3 findings waived") == true)
    }

    @Test func anExpiredWaiverIsNotAppliedAndIsAFinding() throws {
        let project = try Project(waivers: "waivers:\n" + Self.waiver("MANUFA3.MANUFACT13A2", expires: "2026-11-23"))
        defer { project.remove() }
        let output = try project.review()
        #expect(output.status == 1)
        #expect(output.stdout.contains("  major   Rubrics/waivers.yaml:3:5 [waiver_expired] waiver for unknown_classification_code on MANUFA3.MANUFACT13A2 expired on 2026-11-23"))
        #expect(!output.stdout.contains("  waived  "))
    }

    @Test func anUnmatchedWaiverIsAFindingInEveryFormat() throws {
        let project = try Project(waivers: "waivers:\n" + Self.waiver("FINACC1.FINACCT02A1.P2", rule: "vague_language"))
        defer { project.remove() }
        let text = try project.review([Self.finance])
        #expect(text.stdout.contains("  major   Rubrics/waivers.yaml:3:5 [waiver_unmatched] waiver for vague_language on FINACC1.FINACCT02A1.P2 matches no vague_language finding"))
        let sarif = try project.review([Self.finance, "--format", "sarif"])
        #expect(sarif.stdout.contains("\"ruleId\": \"waiver_unmatched\""))
        let github = try project.review([Self.finance, "--format", "github"])
        #expect(github.stdout.contains("::error file=Rubrics/waivers.yaml,line=3,col=5,title=waiver_unmatched::major: "))
    }

    @Test func aWaiverForAProfileOutsideTheRunFailsOnlyAWholeCorpusReview() throws {
        let project = try Project(waivers: "waivers:\n" + Self.waiver("NOPE1.NOPE2"), degrade: false)
        defer { project.remove() }
        let selection = try project.review([Self.finance])
        #expect(selection.status == 0, "\(selection.stdout)")
        #expect(selection.stdout.contains("note: 1 waiver not checked: its profile is not in this run"))
        let whole = try project.review(["--format", "text", "Profiles"])
        #expect(whole.stdout.contains("Rubrics/waivers.yaml:3:5: error: waiver for unknown_classification_code on NOPE1.NOPE2 matches nothing: no reviewed profile has the id NOPE1.NOPE2"))
        #expect(whole.status == 1)
    }

    @Test func aWaiverForALevelTheProfileLacksFailsTheRun() throws {
        let project = try Project(waivers: "waivers:\n" + Self.waiver("FINACC1.FINACCT02A1.P6", rule: "vague_language"))
        defer { project.remove() }
        let output = try project.review([Self.finance])
        #expect(output.status == 1)
        #expect(output.stdout.contains("Rubrics/waivers.yaml:3:5: error: waiver for vague_language on FINACC1.FINACCT02A1.P6 matches nothing: profile FINACC1.FINACCT02A1 has no level P6 [waiver_unmatched]"))
        #expect(output.stdout.split(separator: "\n").last?.hasSuffix("; 1 stale waiver") == true)
    }

    @Test func anUnknownRuleIsAConfigurationErrorWithItsPosition() throws {
        let project = try Project(waivers: "waivers:\n" + Self.waiver("MANUFA3.MANUFACT13A2", rule: "unknown_classifcation_code"))
        defer { project.remove() }
        let output = try project.review()
        #expect(output.status == 2)
        #expect(output.stderr.contains("Rubrics/waivers.yaml:4:11: unknown rule \"unknown_classifcation_code\""), "\(output.stderr)")
    }

    @Test func aSchemaViolationIsAConfigurationErrorWithItsPosition() throws {
        let project = try Project(waivers: "waivers:\n" + Self.waiver("MANUFA3.MANUFACT13A2", expires: "next spring"))
        defer { project.remove() }
        let output = try project.review()
        #expect(output.status == 2)
        #expect(output.stderr.contains("Rubrics/waivers.yaml:7:14: "), "\(output.stderr)")
        #expect(output.stderr.contains("(/waivers/0/expires)"))
    }

    @Test func jsonWithWaiversIsByteIdenticalAcrossRuns() throws {
        let project = try Project(waivers: "waivers:\n" + Self.waiver("MANUFA3.MANUFACT13A2.M2") + Self.waiver("MANUFA3.MANUFACT13A2.M1", expires: "2026-01-01"))
        defer { project.remove() }
        let first = try project.review(["--format", "json"])
        let second = try project.review(["--format", "json"])
        #expect(first.status == 1)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.contains("\"approved_by\": \"rubric-owners\""))
    }

    @Test func explainDocumentsTheWaiverFindings() throws {
        for rule in ["waiver_expired", "waiver_unmatched"] {
            let output = try CommandRunner.run(["explain", rule])
            #expect(output.status == 0)
            #expect(output.stdout.hasPrefix("## \(rule)\n"))
        }
        let list = try CommandRunner.run(["explain", "--list"])
        #expect(list.stdout.contains("waiver_expired") && list.stdout.contains("waiver_unmatched"))
    }
}
