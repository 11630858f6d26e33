import Foundation
import LocatedDocument

/// Reads one record line strictly: exactly the fields of `ApprovalRecord.formatVersion`, each with
/// its type. Anything else is a malformed record, which verification reports as tampering.
enum ApprovalRecordParser {
    struct Malformed: Error {
        var message: String
    }

    static let fields: [String] = [
        "record_version", "level_profile_id", "file", "content_sha256", "rubric", "tool", "reviewers", "scores",
        "decision", "findings_digest", "reviewed_at", "git_commit", "previous_record_sha256", "key_id", "signature",
    ]

    static func parse(_ node: DocumentNode) throws(Malformed) -> ApprovalRecord {
        guard let members = node.objectValue else { throw Malformed(message: "a record is a JSON object") }
        let known = Set(fields)
        if let unknown = members.first(where: { !known.contains($0.key) }) {
            throw Malformed(message: "unknown field \"\(unknown.key)\"")
        }
        guard node["record_version"]?.intValue == ApprovalRecord.formatVersion else {
            throw Malformed(message: "record_version must be \(ApprovalRecord.formatVersion)")
        }
        let rubric = try object(node, "rubric")
        let tool = try object(node, "tool")
        guard let reviewers = node["reviewers"]?.arrayValue else { throw Malformed(message: "reviewers must be an array") }
        let scores = try object(node, "scores")
        return ApprovalRecord(
            levelProfileID: try string(node, "level_profile_id"),
            file: try string(node, "file"),
            contentSHA256: try digest(node, "content_sha256"),
            rubric: .init(id: try string(rubric, "id"), version: try string(rubric, "version"), sha256: try digest(rubric, "sha256")),
            toolName: try string(tool, "name"),
            toolVersion: try string(tool, "version"),
            reviewers: try reviewers.map { reviewer throws(Malformed) in
                guard let score = reviewer["score"]?.intValue else { throw Malformed(message: "reviewer score must be an integer") }
                return .init(id: try string(reviewer, "id"), version: try string(reviewer, "version"), score: score)
            },
            scores: try (scores.objectValue ?? []).map { member throws(Malformed) in
                guard let score = member.value.doubleValue else { throw Malformed(message: "score \(member.key) must be a number") }
                return (dimension: member.key, score: score)
            },
            decision: try string(node, "decision"),
            findingsDigest: try digest(node, "findings_digest"),
            reviewedAt: try string(node, "reviewed_at"),
            gitCommit: try optionalString(node, "git_commit"),
            previousRecordSHA256: try optionalString(node, "previous_record_sha256"),
            keyID: try string(node, "key_id"),
            signature: try string(node, "signature")
        )
    }

    /// The 64 signature bytes, from canonical base64 only (one text per signature).
    static func signatureBytes(_ text: String) -> Data? {
        guard let data = Data(base64Encoded: text), data.count == 64, data.base64EncodedString() == text else { return nil }
        return data
    }

    private static func object(_ node: DocumentNode, _ key: String) throws(Malformed) -> DocumentNode {
        guard let value = node[key], value.objectValue != nil else { throw Malformed(message: "\(key) must be an object") }
        return value
    }

    private static func string(_ node: DocumentNode, _ key: String) throws(Malformed) -> String {
        guard let value = node[key]?.stringValue else { throw Malformed(message: "\(key) must be a string") }
        return value
    }

    private static func optionalString(_ node: DocumentNode, _ key: String) throws(Malformed) -> String? {
        guard let value = node[key] else { throw Malformed(message: "\(key) is missing") }
        if case .null = value.value { return nil }
        guard let text = value.stringValue else { throw Malformed(message: "\(key) must be a string or null") }
        return text
    }

    private static func digest(_ node: DocumentNode, _ key: String) throws(Malformed) -> String {
        let value = try string(node, key)
        guard value.utf8.count == 64, value.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            throw Malformed(message: "\(key) must be 64 lowercase hex digits")
        }
        return value
    }
}
