import Crypto
import Foundation
import LocatedDocument
import ProfileLoading

/// An Ed25519 public key that may sign approval records, and the id records name it by.
///
/// File form (what `keygen` writes and `Rubrics/trusted-keys/*.json` holds):
/// `{"key_id": "ed25519-…", "algorithm": "ed25519", "public_key": "<base64 of the raw 32 bytes>"}`.
public struct ApprovalPublicKey: Sendable {
    public static let algorithm = "ed25519"

    public var keyID: String
    /// The raw 32-byte key (kept as bytes: swift-crypto's key types are not `Sendable`).
    public var rawKey: Data

    public init(keyID: String, key: Curve25519.Signing.PublicKey) {
        self.keyID = keyID
        self.rawKey = key.rawRepresentation
    }

    public var base64: String { rawKey.base64EncodedString() }

    public var fileText: String {
        JSONValue.object([
            ("key_id", .string(keyID)), ("algorithm", .string(Self.algorithm)), ("public_key", .string(base64)),
        ]).prettySerialized() + "\n"
    }

    public func isValidSignature(_ signature: Data, for message: [UInt8]) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: rawKey) else { return false }
        return key.isValidSignature(signature, for: Data(message))
    }

    /// Parses a public key file. A private key file is refused loudly: it must never sit among the
    /// trusted keys (or anywhere in the repository).
    public static func parse(_ bytes: [UInt8], file: String) throws(ConfigurationError) -> ApprovalPublicKey {
        let fields = try KeyFileFields(bytes, file: file)
        if fields.document["private_key"] != nil {
            throw ConfigurationError(
                "this is a PRIVATE key file; only public keys belong here", file: file,
                hint: "delete it from the repository and keep it outside, readable only by you (chmod 600)"
            )
        }
        try fields.allowOnly(["key_id", "algorithm", "public_key", "comment"])
        let keyID = try fields.keyID()
        let raw = try fields.base64("public_key", length: 32)
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else {
            throw ConfigurationError("public_key is not a valid Ed25519 public key", file: file)
        }
        return ApprovalPublicKey(keyID: keyID, key: key)
    }
}

/// The fields shared by public and private key files, read strictly.
struct KeyFileFields {
    var document: DocumentNode
    var file: String

    init(_ bytes: [UInt8], file: String) throws(ConfigurationError) {
        do {
            document = try JSONReader.read(bytes, limits: DocumentLimits(maxBytes: 64 * 1024))
        } catch {
            throw ConfigurationError("not a key file: \(error.message)", file: file, location: error.location)
        }
        self.file = file
        guard document.objectValue != nil else { throw ConfigurationError("a key file is a JSON object", file: file) }
        guard document["algorithm"]?.stringValue == ApprovalPublicKey.algorithm else {
            throw ConfigurationError("algorithm must be \"\(ApprovalPublicKey.algorithm)\"", file: file)
        }
    }

    func allowOnly(_ keys: Set<String>) throws(ConfigurationError) {
        for member in document.objectValue ?? [] where !keys.contains(member.key) {
            throw ConfigurationError("unknown field \"\(member.key)\" in key file", file: file, location: member.keyLocation)
        }
    }

    func keyID() throws(ConfigurationError) -> String {
        guard let id = document["key_id"]?.stringValue, KeyIdentifier.isValid(id) else {
            throw ConfigurationError("key_id must be 1–64 characters of A–Z a–z 0–9 . _ -", file: file)
        }
        return id
    }

    func base64(_ field: String, length: Int) throws(ConfigurationError) -> Data {
        guard let text = document[field]?.stringValue, let data = Data(base64Encoded: text), data.count == length else {
            throw ConfigurationError("\(field) must be the base64 of \(length) bytes", file: file)
        }
        return data
    }
}
