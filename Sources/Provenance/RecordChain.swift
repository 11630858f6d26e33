import Foundation
import LocatedDocument
import ProfileLoading

/// The approval records of one level profile, read from its `.jsonl` file and checked as a whole:
/// every line a well-formed record about this level profile, every signature valid and by a
/// trusted key, every `previous_record_sha256` the hash of the line before.
///
/// A hash chain shows edits, insertions, deletions and reordering of lines; it cannot show that the
/// newest lines were cut off (that rolls back to an older, genuinely signed approval — which is then
/// judged against today's content and rubric like any other). Git history is the anchor for that.
public struct RecordChain: Sendable {
    /// The records, oldest first; never empty.
    public var records: [ApprovalRecord]
    /// The hash the next record must carry as `previous_record_sha256`.
    public var headHash: String
    /// The file's bytes, to which a new line is appended.
    public var bytes: [UInt8]

    public var latest: ApprovalRecord { records[records.count - 1] }

    public enum Reading: Sendable {
        case missing
        case intact(RecordChain)
        /// Why the file cannot be trusted, each reason naming `file:line`.
        case tampered([String])
    }

    /// Record files larger than this are refused unread.
    public static let maxFileBytes = 16 << 20
    /// Reasons listed per file at most; the rest are counted.
    static let maxReasons = 8

    /// Reads and checks `path`, the record file of `levelProfileID`. `displayPath` names it in reasons.
    public static func read(
        path: String, displayPath: String, levelProfileID: String, trustedKeys: TrustedKeys
    ) -> Reading {
        var status = stat()
        guard lstat(path, &status) == 0 else { return .missing }
        guard (status.st_mode & S_IFMT) == S_IFREG else { return .tampered(["\(displayPath): not a regular file"]) }
        guard Int(status.st_size) <= maxFileBytes else {
            return .tampered(["\(displayPath): larger than \(maxFileBytes) bytes"])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .tampered(["\(displayPath): cannot be read"])
        }
        return check(Array(data), displayPath: displayPath, levelProfileID: levelProfileID, trustedKeys: trustedKeys)
    }

    static func check(_ bytes: [UInt8], displayPath: String, levelProfileID: String, trustedKeys: TrustedKeys) -> Reading {
        guard !bytes.isEmpty else { return .tampered(["\(displayPath): empty record file"]) }
        guard bytes.last == UInt8(ascii: "\n") else {
            return .tampered(["\(displayPath): does not end with a newline (truncated or edited)"])
        }
        var problems: [String] = []
        var records: [ApprovalRecord] = []
        var previousHash: String?
        for (index, line) in bytes.dropLast().split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let place = "\(displayPath):\(index + 1)"
            switch checkLine(Array(line), levelProfileID: levelProfileID, previousHash: previousHash, trustedKeys: trustedKeys) {
            case .success(let (record, hash)):
                records.append(record)
                previousHash = hash
            case .failure(let problem):
                problems.append("\(place): \(problem.message)")
                // Later links are judged against this line's hash as it stands, so one edited line
                // is reported once, not again as a broken link on the next line.
                previousHash = (try? JSONReader.read(Array(line), limits: RecordLine.limits)).map(RecordCanonicalForm.hash(of:))
            }
        }
        guard problems.isEmpty, let headHash = previousHash else {
            let shown = Array(problems.prefix(maxReasons))
            let more = problems.count - shown.count
            return .tampered(shown + (more > 0 ? ["\(displayPath): and \(more) more problems"] : []))
        }
        return .intact(RecordChain(records: records, headHash: headHash, bytes: bytes))
    }

    private struct LineProblem: Error {
        var message: String
    }

    private static func checkLine(
        _ line: [UInt8], levelProfileID: String, previousHash: String?, trustedKeys: TrustedKeys
    ) -> Result<(ApprovalRecord, String), LineProblem> {
        let node: DocumentNode
        let record: ApprovalRecord
        do {
            node = try JSONReader.read(line, limits: RecordLine.limits)
        } catch {
            return .failure(LineProblem(message: "not a JSON record: \(error.message)"))
        }
        do {
            record = try ApprovalRecordParser.parse(node)
        } catch {
            return .failure(LineProblem(message: "malformed record: \(error.message)"))
        }
        guard record.levelProfileID == levelProfileID else {
            return .failure(LineProblem(message: "record is for \(record.levelProfileID), not \(levelProfileID) (copied from another profile?)"))
        }
        guard record.previousRecordSHA256 == previousHash else {
            let expected = previousHash.map { "sha256 \($0.prefix(12))… of the line before" } ?? "null (first record)"
            return .failure(LineProblem(message: "broken chain: previous_record_sha256 should be \(expected) (line deleted, inserted or reordered?)"))
        }
        guard let key = trustedKeys.key(id: record.keyID) else {
            return .failure(LineProblem(message: "signed by unknown key \(record.keyID) (not in Rubrics/trusted-keys/)"))
        }
        guard let signature = record.signature.flatMap(ApprovalRecordParser.signatureBytes),
              key.isValidSignature(signature, for: RecordCanonicalForm.signedBytes(of: node)) else {
            return .failure(LineProblem(message: "signature does not verify with key \(record.keyID) (record edited?)"))
        }
        guard record.decision == "approved" else {
            return .failure(LineProblem(message: "decision is \(record.decision); only approvals are recorded"))
        }
        return .success((record, RecordCanonicalForm.hash(of: node)))
    }
}
