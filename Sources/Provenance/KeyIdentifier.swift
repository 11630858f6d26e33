import Crypto
import Foundation
import Panel

/// Key ids name a key inside records and key files, and become file names, so they are restricted to
/// a small, path-safe alphabet.
public enum KeyIdentifier {
    /// The default id of a public key: `ed25519-` and the first 16 hex digits of SHA-256 over its raw
    /// 32 bytes. The same key always gets the same id, on any machine.
    public static func fingerprint(of key: Curve25519.Signing.PublicKey) -> String {
        fingerprint(rawKey: key.rawRepresentation)
    }

    public static func fingerprint(rawKey: Data) -> String {
        "ed25519-" + ContentHash.sha256(bytes: Array(rawKey)).prefix(16)
    }

    /// 1–64 characters of `A–Z a–z 0–9 . _ -`, not starting with a dot.
    public static func isValid(_ id: String) -> Bool {
        guard (1...64).contains(id.utf8.count), !id.hasPrefix(".") else { return false }
        return id.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2E || byte == 0x5F || byte == 0x2D
        }
    }
}

extension ContentHash {
    /// SHA-256 of raw bytes, lowercase hex.
    static func sha256(bytes: [UInt8]) -> String {
        var hex = ""
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) {
            hex += String(byte >> 4, radix: 16) + String(byte & 0x0f, radix: 16)
        }
        return hex
    }
}
