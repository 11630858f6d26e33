import Foundation
import LocatedDocument
@testable import Provenance
import Testing

/// Every way a pull request author might fake or move an approval is reported as tampered, exit 1.
@Suite struct ForgeryTests {
    static let id = "FINACC1.FINACCT02A1.P1"

    /// A project whose FINACC1 level profiles have a three-record chain (three approved versions).
    static func projectWithChain() throws -> ApprovalProject {
        let project = try ApprovalProject()
        try project.approve()
        try project.replace("ageing every reconciling item.", with: "ageing every reconciling item weekly.", in: ApprovalProject.finance)
        try project.approve()
        try project.replace("ageing every reconciling item weekly.", with: "ageing every open reconciling item weekly.", in: ApprovalProject.finance)
        try project.approve()
        return project
    }

    func expectTampered(_ project: ApprovalProject, _ id: String = id, reason: String) throws {
        let verify = try project.verify()
        #expect(verify.status == 1, "\(verify.stdout)")
        let line = verify.stdout.split(separator: "\n").first { $0.contains(" \(id) ") }.map(String.init) ?? ""
        #expect(line.hasPrefix("tampered"), "\(verify.stdout)")
        #expect(verify.stdout.contains(reason), "\(verify.stdout)")
    }

    @Test func handEditedScoreIsTampered() throws {
        let project = try ApprovalProject()
        defer { project.remove() }
        try project.approve()
        var lines = try project.recordLines(Self.id)
        lines[0] = lines[0].replacingOccurrences(of: #""score":5"#, with: #""score":4"#)
        try project.writeRecordLines(Self.id, lines)
        try expectTampered(project, reason: "signature does not verify")
        // Approve refuses to extend it.
        let approve = try project.approve()
        #expect(approve.status == 1)
        #expect(approve.stdout.contains("REFUSED       \(Self.id)"))
    }

    @Test func recordCopiedOntoAnotherProfileIsTampered() throws {
        let project = try ApprovalProject()
        defer { project.remove() }
        try project.replace("retrieved: 2026-11-20", with: "retrieved: 2026-11-30", in: ApprovalProject.finance)
        try project.approve()  // the finance ladder is rejected: no records
        try FileManager.default.copyItem(at: project.recordURL("SOFTWA2.SOFTWARE07B1.P1"), to: project.recordURL(Self.id))
        try expectTampered(project, reason: "record is for SOFTWA2.SOFTWARE07B1.P1, not \(Self.id)")
    }

    @Test func recordWithItsIDRewrittenForAnotherProfileIsTampered() throws {
        let project = try ApprovalProject()
        defer { project.remove() }
        try project.approve()
        let line = try project.recordLines("SOFTWA2.SOFTWARE07B1.P1")[0]
            .replacingOccurrences(of: "SOFTWA2.SOFTWARE07B1.P1", with: Self.id)
        try project.writeRecordLines(Self.id, [line])
        try expectTampered(project, reason: "signature does not verify")
    }

    @Test func deletedMiddleLineBreaksTheChain() throws {
        let project = try Self.projectWithChain()
        defer { project.remove() }
        var lines = try project.recordLines(Self.id)
        #expect(lines.count == 3)
        #expect(try project.verify().status == 0)
        lines.remove(at: 1)
        try project.writeRecordLines(Self.id, lines)
        try expectTampered(project, reason: "\(Self.id).jsonl:2: broken chain")
    }

    @Test func reorderedLinesBreakTheChain() throws {
        let project = try Self.projectWithChain()
        defer { project.remove() }
        let lines = try project.recordLines(Self.id)
        try project.writeRecordLines(Self.id, [lines[0], lines[2], lines[1]])
        try expectTampered(project, reason: "broken chain")
    }

    @Test func recordSignedByAnUntrustedKeyIsTampered() throws {
        let project = try ApprovalProject()
        defer { project.remove() }
        try project.approve()
        let attacker = ApprovalSigningKeyFactory.other()
        // A well-formed, correctly chained record saying the (edited) content is approved, signed by the attacker.
        try project.replace("ageing every reconciling item.", with: "ageing nothing.", in: ApprovalProject.finance)
        try project.writeRecordLines(Self.id, try project.recordLines(Self.id) + [forgedLine(after: project, signer: attacker, keyID: attacker.keyID)])
        try expectTampered(project, reason: "\(Self.id).jsonl:2: signed by unknown key \(attacker.keyID)")
    }

    @Test func recordSignedByAnotherKeyUnderATrustedKeyIDIsTampered() throws {
        let project = try ApprovalProject()
        defer { project.remove() }
        try project.approve()
        let line = try forgedLine(after: project, signer: ApprovalSigningKeyFactory.other(), keyID: project.key.keyID)
        try project.writeRecordLines(Self.id, try project.recordLines(Self.id) + [line])
        try expectTampered(project, reason: "\(Self.id).jsonl:2: signature does not verify with key \(project.key.keyID)")
    }

    @Test func truncatedOrMalformedRecordFilesAreTampered() throws {
        let project = try ApprovalProject()
        defer { project.remove() }
        try project.approve()
        let bytes = try Data(contentsOf: project.recordURL(Self.id))
        try bytes.dropLast(40).write(to: project.recordURL(Self.id))
        try expectTampered(project, reason: "does not end with a newline")
        try Data("{\"record_version\":1}\n".utf8).write(to: project.recordURL(Self.id))
        try expectTampered(project, reason: "malformed record")
        try Data().write(to: project.recordURL(Self.id))
        try expectTampered(project, reason: "empty record file")
    }

    @Test func recordForAnotherFileIsTampered() throws {
        let project = try ApprovalProject()
        defer { project.remove() }
        try project.approve()
        let moved = project.root.appendingPathComponent("Profiles/finance-accounting/renamed.yaml")
        try FileManager.default.moveItem(at: project.root.appendingPathComponent(ApprovalProject.finance), to: moved)
        try expectTampered(project, reason: "record is for file \(ApprovalProject.finance), not Profiles/finance-accounting/renamed.yaml")
        // Re-approving the moved file starts from the intact chain and makes it current.
        #expect(try project.approve().status == 0)
        #expect(try project.verify(["--strict"]).status == 0)
    }

    /// A record for the current content of `id`, chained after the last line, signed by `signer`.
    func forgedLine(after project: ApprovalProject, signer: ApprovalSigningKey, keyID: String) throws -> String {
        let last = try #require(try project.recordLines(Self.id).last)
        let node = try JSONReader.read(Array(last.utf8))
        var record = try ApprovalRecordParser.parse(node)
        let current = try JSONSerialization.jsonObject(with: Data(try project.run(["review", "--format", "json", ApprovalProject.finance]).stdout.utf8))
        let levels = (current as? [String: Any])?["profiles"] as? [[String: Any]]
        record.contentSHA256 = try #require(levels?.first?["content_sha256"] as? String)
        record.previousRecordSHA256 = RecordCanonicalForm.hash(of: node)
        record.keyID = keyID
        record.reviewedAt = "2026-11-25T00:00:00Z"
        record.signature = try signer.signature(for: RecordCanonicalForm.signedBytes(of: record)).base64EncodedString()
        return record.json(includingSignature: true).serialized()
    }
}

enum ApprovalSigningKeyFactory {
    static func other() -> ApprovalSigningKey { ApprovalSigningKey.generate() }
}
