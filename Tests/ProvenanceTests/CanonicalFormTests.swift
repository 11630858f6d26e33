import Foundation
import LocatedDocument
@testable import Provenance
import Testing

/// What exactly is signed and chained, independent of how a record line is laid out.
@Suite struct CanonicalFormTests {
    static func sampleRecord() -> ApprovalRecord {
        ApprovalRecord(
            levelProfileID: "A1.B2.P1", file: "Profiles/a.yaml", contentSHA256: String(repeating: "a", count: 64),
            rubric: .init(id: "default-panel", version: "1.0.0", sha256: String(repeating: "b", count: 64)),
            toolName: "review-profile", toolVersion: "0.1.0",
            reviewers: [.init(id: "ladder_shape", version: "1.0.0+0123456789ab", score: 5)],
            scores: [(dimension: "level_differentiation", score: 4.5), (dimension: "concreteness", score: 5.0)],
            decision: "approved", findingsDigest: String(repeating: "c", count: 64), reviewedAt: "2026-11-24T12:00:00Z",
            gitCommit: nil, previousRecordSHA256: nil, keyID: "test-key", signature: nil
        )
    }

    @Test func signedBytesAreSortedCompactAndLeaveOutTheSignature() throws {
        var record = Self.sampleRecord()
        let unsigned = String(decoding: RecordCanonicalForm.signedBytes(of: record), as: UTF8.self)
        #expect(unsigned.hasPrefix(#"{"content_sha256":"aaaa"#))
        #expect(unsigned.contains(#""scores":{"concreteness":5,"level_differentiation":4.5}"#))
        #expect(!unsigned.contains("signature"))
        record.signature = "xyz"
        let line = record.json(includingSignature: true).serialized()
        let node = try JSONReader.read(Array(line.utf8))
        #expect(RecordCanonicalForm.signedBytes(of: node) == RecordCanonicalForm.signedBytes(of: record))
    }

    @Test func aSignatureSurvivesRelayoutButNotAnEdit() throws {
        let key = ApprovalSigningKey.generate(keyID: "test-key")
        var record = Self.sampleRecord()
        record.signature = try key.signature(for: RecordCanonicalForm.signedBytes(of: record)).base64EncodedString()
        let pretty = try JSONReader.read(Array(record.json(includingSignature: true).prettySerialized().utf8))
        let signature = try #require(ApprovalRecordParser.signatureBytes(record.signature ?? ""))
        #expect(key.publicKey.isValidSignature(signature, for: RecordCanonicalForm.signedBytes(of: pretty)))
        record.scores[0].score = 5.0
        #expect(!key.publicKey.isValidSignature(signature, for: RecordCanonicalForm.signedBytes(of: record)))
    }

    @Test func aFirstRecordChainsFromNullAndTheNextFromItsHash() throws {
        let key = ApprovalSigningKey.generate(keyID: "test-key")
        let keys = try TrustedKeys([key.publicKey])
        var first = Self.sampleRecord()
        first.signature = try key.signature(for: RecordCanonicalForm.signedBytes(of: first)).base64EncodedString()
        let firstLine = first.json(includingSignature: true).serialized()
        var second = first
        second.previousRecordSHA256 = RecordCanonicalForm.hash(of: try JSONReader.read(Array(firstLine.utf8)))
        second.signature = try key.signature(for: RecordCanonicalForm.signedBytes(of: second)).base64EncodedString()
        let file = Array((firstLine + "\n" + second.json(includingSignature: true).serialized() + "\n").utf8)
        guard case .intact(let chain) = RecordChain.check(file, displayPath: "x.jsonl", levelProfileID: "A1.B2.P1", trustedKeys: keys) else {
            Issue.record("chain should be intact")
            return
        }
        #expect(chain.records.count == 2)
        #expect(chain.latest == second)
    }

    @Test func keyIDsAndTimestampsAreStable() {
        #expect(KeyIdentifier.isValid("ed25519-0123456789abcdef"))
        #expect(!KeyIdentifier.isValid(".hidden"))
        #expect(!KeyIdentifier.isValid("a/b"))
        #expect(ApprovalClock.now(environment: ["SOURCE_DATE_EPOCH": "1795521600"]) == "2026-11-24T12:00:00Z")
    }

    @Test func gitCommitIsTheCheckedOutCommitOrNothing() {
        let inRepository = GitCommit.head(in: ApprovalProject.packageRoot.path)
        #expect(inRepository == nil || [40, 64].contains(inRepository?.count ?? 0))
        #expect(GitCommit.head(in: "/") == nil)
    }
}
