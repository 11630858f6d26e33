import Foundation
import Testing

/// keygen → approve → verify on a temporary copy of the project, and what changes make an approval stale.
@Suite struct ApprovalWorkflowTests {
    @Test func approveThenVerifySaysEveryLevelProfileIsApproved() throws {
        let project = try ApprovalProject()
        defer { project.remove() }
        let approve = try project.approve()
        #expect(approve.status == 0, "\(approve.stdout)\(approve.stderr)")
        #expect(approve.stdout.contains("approve: 8 recorded, 0 unchanged, 0 not approved, 0 refused"))
        let verify = try project.verify()
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.contains("verified 8 level profiles: 8 approved, 0 stale, 0 unapproved, 0 tampered"))
        let strict = try project.verify(["--strict"])
        #expect(strict.status == 0)

        let lines = try project.recordLines("FINACC1.FINACCT02A1.P2")
        #expect(lines.count == 1)
        let record = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(record["reviewed_at"] as? String == "2026-11-24T12:00:00Z")
        #expect(record["git_commit"] is NSNull)
        #expect(record["previous_record_sha256"] is NSNull)
        #expect(record["file"] as? String == ApprovalProject.finance)
        #expect(record["key_id"] as? String == project.key.keyID)
        // The documented key order is the order on disk.
        #expect(lines[0].hasPrefix(#"{"record_version":1,"level_profile_id":"FINACC1.FINACCT02A1.P2","file":"#))
        #expect(lines[0].contains(#""key_id":"\#(project.key.keyID)","signature":""#))
    }

    @Test func approvingAgainWithoutChangesAppendsNothing() throws {
        let project = try ApprovalProject()
        defer { project.remove() }
        try project.approve()
        let before = try Data(contentsOf: project.recordURL("FINACC1.FINACCT02A1.P1"))
        let again = try project.approve()
        #expect(again.status == 0)
        #expect(again.stdout.contains("0 recorded, 8 unchanged"))
        #expect(try Data(contentsOf: project.recordURL("FINACC1.FINACCT02A1.P1")) == before)
    }

    @Test func editingOneBulletMakesExactlyThatFilesLevelProfilesStale() throws {
        let project = try ApprovalProject()
        defer { project.remove() }
        try project.approve()
        try project.replace("ageing every reconciling item.", with: "ageing every reconciling item weekly.", in: ApprovalProject.finance)
        let states = try project.states()
        #expect(states.count == 8)
        for (id, state) in states {
            #expect(state == (id.hasPrefix("FINACC1.") ? "stale" : "approved"), "\(id)")
        }
        let verify = try project.verify()
        #expect(verify.status == 0, "stale alone passes without --strict")
        #expect(verify.stdout.contains("content changed since the approval of 2026-11-24T12:00:00Z"))
        #expect(!verify.stdout.contains("rubric changed"))
        #expect(try project.verify(["--strict"]).status == 1)

        // Re-approval extends the chain and makes them current again.
        let again = try project.approve()
        #expect(again.stdout.contains("4 recorded, 4 unchanged"))
        #expect(try project.recordLines("FINACC1.FINACCT02A1.P1").count == 2)
        #expect(try project.verify(["--strict"]).status == 0)
    }

    @Test func commentsAndYAMLLayoutDoNotMakeAnApprovalStale() throws {
        let project = try ApprovalProject()
        defer { project.remove() }
        try project.approve()
        try project.replace("schema: review-profile/v1\n", with: "# reviewed by the close team\nschema:    'review-profile/v1'\n", in: ApprovalProject.finance)
        try project.replace("years: { min: 0, max: 2 }", with: "years:\n      min: 0\n      max: 2", in: ApprovalProject.finance)
        let verify = try project.verify(["--strict"])
        #expect(verify.status == 0, "\(verify.stdout)")
        #expect(try project.states().values.allSatisfy { $0 == "approved" })
    }

    @Test func aRubricChangeMakesEveryApprovalStaleSayingSo() throws {
        let project = try ApprovalProject()
        defer { project.remove() }
        try project.approve()
        let panel = project.root.appendingPathComponent("Rubrics/panel.yaml")
        try Data((try String(contentsOf: panel, encoding: .utf8) + "# tightened wording\n").utf8).write(to: panel)
        let verify = try project.verify()
        #expect(verify.stdout.contains("0 approved, 8 stale"))
        #expect(verify.stdout.contains("rubric changed since the approval of 2026-11-24T12:00:00Z (approved under default-panel 1.0.0)"))
        #expect(!verify.stdout.contains("content changed"))
        #expect(try project.verify(["--strict"]).status == 1)
    }

    @Test func addingAnotherTrustedKeyDoesNotChangeTheRubric() throws {
        let project = try ApprovalProject()
        defer { project.remove() }
        try project.approve()
        try project.trust(ApprovalSigningKeyFactory.other().publicKey)
        #expect(try project.verify(["--strict"]).status == 0)
    }

    @Test func rejectedLevelProfilesGetNoRecord() throws {
        let project = try ApprovalProject()
        defer { project.remove() }
        // A source retrieved after the review date is a major factual-accuracy finding: the file is rejected.
        try project.replace("retrieved: 2026-11-20", with: "retrieved: 2026-11-30", in: ApprovalProject.finance)
        let approve = try project.approve()
        #expect(approve.status == 1)
        #expect(approve.stdout.contains("not recorded  FINACC1.FINACCT02A1.P1  rejected"))
        #expect(approve.stdout.contains("4 recorded, 0 unchanged, 4 not approved"))
        for id in ApprovalProject.financeLevels {
            #expect(!FileManager.default.fileExists(atPath: project.recordURL(id).path))
        }
        let states = try project.states()
        #expect(states["FINACC1.FINACCT02A1.P1"] == "unapproved")
        #expect(states["SOFTWA2.SOFTWARE07B1.P1"] == "approved")
    }

    @Test func recordsNameFilesRelativeToTheProjectWhereverTheToolRuns() throws {
        let project = try ApprovalProject()
        defer { project.remove() }
        let approve = try project.run(
            ["approve", "--signing-key", project.keyPath.path, "./finance-accounting/../finance-accounting"],
            in: project.root.appendingPathComponent("Profiles")
        )
        #expect(approve.status == 0, "\(approve.stdout)\(approve.stderr)")
        #expect(try project.recordLines("FINACC1.FINACCT02A1.P1")[0].contains(#""file":"\#(ApprovalProject.finance)""#))
        let verify = try project.run(["verify", "--strict", "finance-accounting"], in: project.root.appendingPathComponent("Profiles"))
        #expect(verify.status == 0, "\(verify.stdout)")
    }
}
