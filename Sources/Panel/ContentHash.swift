import Crypto
import LocatedDocument

/// SHA-256 digests in lowercase hex, and the content hash of a parsed profile.
public enum ContentHash {
    public static func sha256(_ text: String) -> String {
        hex(SHA256.hash(data: Array(text.utf8)))
    }

    /// SHA-256 of raw bytes (a file's, before parsing), lowercase hex.
    public static func sha256(bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for byte in digest {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// SHA-256 of the document's canonical JSON (keys sorted, no whitespace), so YAML formatting,
    /// comments, key order and quoting style do not change it — only content does.
    public static func of(_ document: DocumentNode) -> String {
        hex(SHA256.hash(data: CanonicalJSON.bytes(document)))
    }
}
