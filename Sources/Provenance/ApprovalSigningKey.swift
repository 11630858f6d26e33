import Crypto
import Foundation
import LocatedDocument
import ProfileLoading

/// The Ed25519 private key that signs approval records. It never belongs in the repository.
///
/// File form (written mode 0600 by `keygen`):
/// `{"key_id": "…", "algorithm": "ed25519", "private_key": "<base64 of the raw 32-byte seed>"}`.
public struct ApprovalSigningKey: Sendable {
    /// The environment variable that may hold the key: a path to the key file, or — when the value
    /// starts with `{` — the key file's JSON itself (for CI secret stores).
    public static let environmentVariable = "REVIEW_PROFILE_SIGNING_KEY"

    public var keyID: String
    /// The raw 32-byte seed (kept as bytes: swift-crypto's key types are not `Sendable`).
    private var seed: Data

    public init(keyID: String, key: Curve25519.Signing.PrivateKey) {
        self.keyID = keyID
        self.seed = key.rawRepresentation
    }

    /// Valid by construction: `seed` only ever comes from a key.
    private var key: Curve25519.Signing.PrivateKey {
        // swiftlint:disable:next force_try
        try! Curve25519.Signing.PrivateKey(rawRepresentation: seed)
    }

    /// A fresh key pair; its id is the public key's fingerprint unless one is given.
    public static func generate(keyID: String? = nil) -> ApprovalSigningKey {
        let key = Curve25519.Signing.PrivateKey()
        return ApprovalSigningKey(keyID: keyID ?? KeyIdentifier.fingerprint(of: key.publicKey), key: key)
    }

    public var publicKey: ApprovalPublicKey { ApprovalPublicKey(keyID: keyID, key: key.publicKey) }

    public var fileText: String {
        JSONValue.object([
            ("key_id", .string(keyID)), ("algorithm", .string(ApprovalPublicKey.algorithm)),
            ("private_key", .string(key.rawRepresentation.base64EncodedString())),
        ]).prettySerialized() + "\n"
    }

    public func signature(for message: [UInt8]) throws(ConfigurationError) -> Data {
        do {
            return try key.signature(for: Data(message))
        } catch {
            throw ConfigurationError("signing failed: \(error)")
        }
    }

    public static func parse(_ bytes: [UInt8], file: String) throws(ConfigurationError) -> ApprovalSigningKey {
        let fields = try KeyFileFields(bytes, file: file)
        try fields.allowOnly(["key_id", "algorithm", "private_key", "comment"])
        let keyID = try fields.keyID()
        let raw = try fields.base64("private_key", length: 32)
        guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw) else {
            throw ConfigurationError("private_key is not a valid Ed25519 key", file: file)
        }
        return ApprovalSigningKey(keyID: keyID, key: key)
    }

    /// Loads a key file, refusing one that others can read (as ssh does): a leaked signing key lets
    /// anyone forge approvals.
    public static func load(path: String) throws(ConfigurationError) -> ApprovalSigningKey {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw ConfigurationError("signing key file not found: \(path)")
        }
        guard status.st_mode & 0o077 == 0 else {
            throw ConfigurationError(
                "signing key file \(path) is readable by others (mode \(String(status.st_mode & 0o777, radix: 8)))",
                hint: "chmod 600 \(path)"
            )
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError("signing key file cannot be read: \(path)")
        }
        return try parse(Array(data), file: path)
    }

    /// The key named by `--signing-key`, else by `REVIEW_PROFILE_SIGNING_KEY` (a path, or the key
    /// file's JSON when it starts with `{`).
    public static func resolve(option: String?, environment: [String: String]) throws(ConfigurationError) -> ApprovalSigningKey {
        if let option { return try load(path: option) }
        guard let value = environment[environmentVariable], !value.isEmpty else {
            throw ConfigurationError(
                "no signing key: pass --signing-key FILE or set \(environmentVariable)",
                hint: "create one with: review-profile keygen --out ~/.review-profile"
            )
        }
        if value.hasPrefix("{") {
            return try parse(Array(value.utf8), file: "$" + environmentVariable)
        }
        return try load(path: value)
    }
}
