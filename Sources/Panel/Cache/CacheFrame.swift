import Crypto
import Foundation

/// The on-disk frame of every cache file: `magic` (8 bytes), payload length (8 bytes, little
/// endian), payload, SHA-256 of the payload (32 bytes). A file whose length, magic or checksum does
/// not match — truncated, corrupt, another format or plain garbage — is not a cache file and is
/// ignored. Files are written atomically (temporary sibling, then rename), so concurrent runs and
/// crashes leave either the old file or the new one, never a mix.
enum CacheFrame {
    static func wrap(_ payload: [UInt8], magic: [UInt8]) -> [UInt8] {
        precondition(magic.count == 8)
        var framed = magic
        framed.reserveCapacity(payload.count + 48)
        var length = BinaryWriter()
        length.uint64(UInt64(payload.count))
        framed += length.bytes
        framed += payload
        framed += Array(SHA256.hash(data: payload))
        return framed
    }

    /// The payload of a framed file, or nil when the frame is not intact.
    static func unwrap(_ framed: [UInt8], magic: [UInt8]) -> [UInt8]? {
        guard framed.count >= 48, Array(framed[0..<8]) == magic else { return nil }
        var header = BinaryReader(Array(framed[8..<16]))
        guard let length = try? header.uint64(), length == UInt64(framed.count - 48) else { return nil }
        let payload = Array(framed[16..<(16 + Int(length))])
        guard Array(SHA256.hash(data: payload)) == Array(framed[(16 + Int(length))...]) else { return nil }
        return payload
    }

    static func read(_ path: String, magic: [UInt8]) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return unwrap([UInt8](data), magic: magic)
    }
}
