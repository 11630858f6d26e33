import LocatedDocument
import ProfileModel

/// A little-endian byte writer for cache payloads: fixed-width integers, LEB128 lengths, UTF-8 strings.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func uint8(_ value: UInt8) { bytes.append(value) }

    mutating func uint32(_ value: UInt32) { littleEndian(value) }

    mutating func uint64(_ value: UInt64) { littleEndian(value) }

    /// A fixed-width unsigned integer, least significant byte first.
    private mutating func littleEndian<Value: FixedWidthInteger>(_ value: Value) {
        for shift in stride(from: 0, to: Value.bitWidth, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
    }

    mutating func count(_ value: Int) {
        var rest = UInt64(value)
        repeat {
            let low = UInt8(rest & 0x7f)
            rest >>= 7
            bytes.append(rest == 0 ? low : low | 0x80)
        } while rest != 0
    }

    mutating func int(_ value: Int) { uint64(UInt64(bitPattern: Int64(value))) }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        let utf8 = Array(value.utf8)
        count(utf8.count)
        bytes += utf8
    }

    mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    mutating func raw(_ value: [UInt8]) { bytes += value }

    /// A count, then every element's bytes, least significant first (one copy on little-endian machines).
    mutating func integers<Value: FixedWidthInteger>(_ values: [Value]) {
        count(values.count)
        #if _endian(little)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
        for value in values { littleEndian(value.littleEndian) }
        #endif
    }

    mutating func location(_ value: SourceLocation) {
        count(value.line)
        count(value.column)
    }

    mutating func pointer(_ value: JSONPointer) {
        count(value.tokens.count)
        for token in value.tokens {
            switch token {
            case .key(let key): uint8(0); string(key)
            case .index(let index): uint8(1); count(index)
            }
        }
    }
}

/// Why a cache payload could not be read: it is then ignored and rebuilt.
struct CacheFormatError: Error {}

/// Reads what `BinaryWriter` wrote; every read is bounds-checked and throws on anything malformed,
/// so garbage never becomes a result.
struct BinaryReader {
    private let bytes: [UInt8]
    private(set) var position: Int
    /// Strings repeated within one payload (the file path in every finding, rule ids, level codes)
    /// decoded once, so a decoded entry shares them as the freshly built result did.
    private var interned: [String: String] = [:]

    /// Where the readable bytes end (a payload inside a frame is read in place, not copied out).
    private let end: Int

    init(_ bytes: [UInt8], from position: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        self.position = position
        self.end = min(end ?? bytes.count, bytes.count)
    }

    var isAtEnd: Bool { position == end }

    mutating func uint8() throws(CacheFormatError) -> UInt8 {
        guard position < end else { throw CacheFormatError() }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func uint32() throws(CacheFormatError) -> UInt32 { try littleEndian() }

    mutating func uint64() throws(CacheFormatError) -> UInt64 { try littleEndian() }

    /// A fixed-width unsigned integer, least significant byte first.
    private mutating func littleEndian<Value: FixedWidthInteger & UnsignedInteger>() throws(CacheFormatError) -> Value {
        let width = Value.bitWidth / 8
        guard end - position >= width else { throw CacheFormatError() }
        var value: Value = 0
        for offset in 0..<width { value |= Value(bytes[position + offset]) << (offset * 8) }
        position += width
        return value
    }

    mutating func count() throws(CacheFormatError) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try uint8()
            guard shift < 63 else { throw CacheFormatError() }
            value |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        // Nothing in a cache entry is larger than the entry itself.
        guard value <= UInt64(end) * 8 + 1_000_000 else { throw CacheFormatError() }
        return Int(value)
    }

    mutating func int() throws(CacheFormatError) -> Int { Int(Int64(bitPattern: try uint64())) }

    mutating func bool() throws(CacheFormatError) -> Bool {
        switch try uint8() {
        case 0: return false
        case 1: return true
        default: throw CacheFormatError()
        }
    }

    mutating func string() throws(CacheFormatError) -> String {
        let length = try count()
        guard end - position >= length else { throw CacheFormatError() }
        let slice = bytes[position..<(position + length)]
        position += length
        guard let text = String(validating: slice, as: UTF8.self) else { throw CacheFormatError() }
        return text
    }

    mutating func internedString() throws(CacheFormatError) -> String {
        let text = try string()
        if let known = interned[text] { return known }
        interned[text] = text
        return text
    }

    mutating func optionalString() throws(CacheFormatError) -> String? {
        try bool() ? try string() : nil
    }

    mutating func raw(_ length: Int) throws(CacheFormatError) -> [UInt8] {
        guard length >= 0, end - position >= length else { throw CacheFormatError() }
        defer { position += length }
        return Array(bytes[position..<(position + length)])
    }

    mutating func location() throws(CacheFormatError) -> SourceLocation {
        SourceLocation(line: try count(), column: try count())
    }

    mutating func pointer() throws(CacheFormatError) -> JSONPointer {
        let count = try count()
        var tokens: [JSONPointer.Token] = []
        for _ in 0..<count {
            switch try uint8() {
            case 0: tokens.append(.key(try string()))
            case 1: tokens.append(.index(try self.count()))
            default: throw CacheFormatError()
            }
        }
        return JSONPointer(tokens)
    }

    /// What `BinaryWriter.integers` wrote: a count, then the elements' little-endian bytes.
    mutating func integers<Value: FixedWidthInteger>(_: Value.Type = Value.self) throws(CacheFormatError) -> [Value] {
        let count = try count()
        let width = MemoryLayout<Value>.size
        guard count <= (end - position) / width else { throw CacheFormatError() }
        guard count > 0 else { return [] }
        let values = [Value](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { source in
                let start = source.baseAddress! + position
                #if _endian(little)
                UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: start, byteCount: count * width)
                #else
                for index in 0..<count { buffer[index] = Value(littleEndian: start.loadUnaligned(fromByteOffset: index * width, as: Value.self)) }
                #endif
            }
            initialized = count
        }
        position += count * width
        return values
    }

    /// Reads `count` items, refusing counts that cannot fit in the bytes left.
    mutating func array<Element>(_ item: (inout BinaryReader) throws(CacheFormatError) -> Element) throws(CacheFormatError) -> [Element] {
        let count = try count()
        guard count <= end - position else { throw CacheFormatError() }
        var items: [Element] = []
        items.reserveCapacity(count)
        for _ in 0..<count { items.append(try item(&self)) }
        return items
    }
}
