import LocatedDocument
import Panel

/// The exact bytes that are signed and chained.
///
/// The canonical form of a record is `CanonicalJSON` of its JSON object: keys sorted by UTF-16 code
/// units, no whitespace, integral numbers without a fraction (`5.0` → `5`), other numbers in their
/// shortest round-tripping form, strings with only the escapes RFC 8259 requires. Then:
/// - **signed bytes**: the UTF-8 of the canonical form of the record object with the `signature`
///   member removed;
/// - **record hash** (the next record's `previous_record_sha256`): SHA-256, lowercase hex, of the
///   UTF-8 of the canonical form of the whole record object, signature included.
///
/// Writing and verifying both go through the JSON reader, so the signer signs exactly what a
/// verifier will reconstruct from the line.
public enum RecordCanonicalForm {
    public static let signatureKey = "signature"

    /// Canonical text of a JSON value, computed the way a verifier computes it from the text.
    public static func canonicalText(of value: JSONValue) -> String {
        let bytes = Array(value.serialized().utf8)
        // The serializer's output is valid JSON by construction; the fallback is unreachable.
        guard let node = try? JSONReader.read(bytes, limits: RecordLine.limits) else { return value.serialized() }
        return CanonicalJSON.serialize(node)
    }

    /// The bytes the signature covers: the record object without its `signature` member.
    public static func signedBytes(of record: DocumentNode) -> [UInt8] {
        let members = (record.objectValue ?? []).filter { $0.key != signatureKey }
        return Array(CanonicalJSON.serialize(DocumentNode(.object(members), at: record.location)).utf8)
    }

    public static func signedBytes(of record: ApprovalRecord) -> [UInt8] {
        Array(canonicalText(of: record.json(includingSignature: false)).utf8)
    }

    /// What the next record's `previous_record_sha256` must be.
    public static func hash(of record: DocumentNode) -> String {
        ContentHash.sha256(CanonicalJSON.serialize(record))
    }
}

/// Limits for reading one record line: records are small, hostile ones must not be.
enum RecordLine {
    static let limits = DocumentLimits(maxBytes: 256 * 1024, maxDepth: 8, maxNodes: 10_000, maxAliases: 0)
}
