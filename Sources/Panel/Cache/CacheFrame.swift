import Crypto
import Foundation
import ProfileLoading

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

    /// Writes a framed file. A new file is created exclusively and written in place, without the
    /// temporary file and rename of `AtomicFile` (thousands of entries are written by a cold run): a
    /// reader that meets it half-written, or a crash's leftover, sees a frame whose length or
    /// checksum does not match and ignores it. An existing file (stale or damaged) is replaced
    /// atomically. Failures are ignored: a cache that cannot be written only costs time.
    static func store(_ payload: [UInt8], magic: [UInt8], to path: String) {
        let framed = wrap(payload, magic: magic)
        func create() -> Int32 { open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644) }
        var descriptor = create()
        if descriptor < 0, errno == ENOENT {
            let directory = (path as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            descriptor = create()
        }
        guard descriptor >= 0 else {
            if errno == EEXIST { try? AtomicFile.stream(to: path) { write in try write(framed) } }
            return
        }
        let written = (try? FileDescriptorWriter.write(framed, to: descriptor, name: path)) != nil
        if close(descriptor) != 0 || !written { unlink(path) }
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
