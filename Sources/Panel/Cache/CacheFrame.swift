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

    /// Where the payload of a framed file lies, or nil when the frame is not intact.
    static func payloadRange(_ framed: [UInt8], magic: [UInt8]) -> Range<Int>? {
        guard framed.count >= 48, framed[0..<8].elementsEqual(magic) else { return nil }
        var header = BinaryReader(framed, from: 8, to: 16)
        guard let length = try? header.uint64(), length == UInt64(framed.count - 48) else { return nil }
        let payload = 16..<(16 + Int(length))
        let digest = framed.withUnsafeBytes { SHA256.hash(data: UnsafeRawBufferPointer(rebasing: $0[payload])) }
        guard digest.elementsEqual(framed[payload.upperBound...]) else { return nil }
        return payload
    }

    /// A reader over the payload of the framed file at `path`, read in place; nil when the file is
    /// missing or its frame is not intact.
    static func reader(_ path: String, magic: [UInt8]) -> BinaryReader? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let framed = [UInt8](data)
        guard let payload = payloadRange(framed, magic: magic) else { return nil }
        return BinaryReader(framed, from: payload.lowerBound, to: payload.upperBound)
    }
}
