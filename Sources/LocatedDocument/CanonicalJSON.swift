/// Canonical JSON text of a document in the spirit of RFC 8785 (JCS): object keys sorted by their
/// UTF-16 code units, no insignificant whitespace, integers without a fraction. Two documents with
/// the same content give the same bytes whatever their source format or layout.
public enum CanonicalJSON {
    public static func serialize(_ node: DocumentNode) -> String {
        String(decoding: bytes(node), as: UTF8.self)
    }

    /// The canonical text as UTF-8 bytes (what content hashes are computed over).
    public static func bytes(_ node: DocumentNode) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(8192)
        write(node, to: &output)
        return output
    }

    private static func write(_ node: DocumentNode, to output: inout [UInt8]) {
        switch node.value {
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            // The member order sorted as indices: sorting the members themselves copies each one.
            if members.count < 2 || isSortedByUTF16(members) {
                for index in members.indices { writeMember(members[index], first: index == 0, to: &output) }
            } else {
                for (position, index) in sortedOrder(members).enumerated() { writeMember(members[index], first: position == 0, to: &output) }
            }
            output.append(UInt8(ascii: "}"))
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(item, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .number(let number) where JSONValue.isWhole(number):
            JSONValue.appendDecimal(Int(number), to: &output)
        case .number(let number): JSONValue.append(JSONValue.format(number), to: &output)
        case .integer(let number): JSONValue.appendDecimal(number, to: &output)
        case .string(let text): JSONValue.writeString(text, to: &output)
        case .bool(let flag): JSONValue.append(flag ? "true" : "false", to: &output)
        case .null: JSONValue.append("null", to: &output)
        }
    }

    @inline(__always)
    private static func writeMember(_ member: DocumentNode.Member, first: Bool, to output: inout [UInt8]) {
        if !first { output.append(UInt8(ascii: ",")) }
        JSONValue.writeString(member.key, to: &output)
        output.append(UInt8(ascii: ":"))
        write(member.value, to: &output)
    }

    /// The member indices in key order. Keys are compared on their first eight bytes, read once as
    /// one big-endian number (zero-padded), while those differ in a byte below 0xEE, where byte
    /// order is UTF-16 order; otherwise in full (`utf16Precedes`). With `utf16Precedes` alone the
    /// sort took 15.3 M of the canonical text's 56.1 M instructions for 200 profiles (callgrind);
    /// this way 9.0 M.
    static func sortedOrder(_ members: [DocumentNode.Member]) -> [Int] {
        guard members.count > 1 else { return Array(members.indices) }
        var keyed = members.indices.map { (prefix: prefix(members[$0].key), index: $0) }
        func precedes(_ a: (prefix: UInt64, index: Int), _ b: (prefix: UInt64, index: Int)) -> Bool {
            let difference = a.prefix ^ b.prefix
            if difference != 0 {
                let shift = UInt64(difference.leadingZeroBitCount & ~7)
                let left = (a.prefix << shift) >> 56
                let right = (b.prefix << shift) >> 56
                if left < 0xEE && right < 0xEE { return left < right }
            }
            return utf16Precedes(members[a.index].key, members[b.index].key)
        }
        if keyed.count > 32 {
            keyed.sort(by: precedes)
        } else {
            // An object's handful of members: an insertion sort (10.5 M with the library sort, 9.0 M so).
            keyed.withUnsafeMutableBufferPointer { keyed in
                for next in 1..<keyed.count {
                    let item = keyed[next]
                    var slot = next
                    while slot > 0, precedes(item, keyed[slot - 1]) {
                        keyed[slot] = keyed[slot - 1]
                        slot -= 1
                    }
                    keyed[slot] = item
                }
            }
        }
        return keyed.map(\.index)
    }

    /// The first eight UTF-8 bytes of `key` as a big-endian number, zero-padded.
    private static func prefix(_ key: String) -> UInt64 {
        func read(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
            var value: UInt64 = 0
            for index in 0..<8 { value = value << 8 | UInt64(index < bytes.count ? bytes[index] : 0) }
            return value
        }
        if let value = key.utf8.withContiguousStorageIfAvailable(read) { return value }
        var key = key
        return key.withUTF8(read)
    }

    /// Keys already in order (strictly ascending; duplicates cannot occur in a parsed document, but
    /// a tie falls back to `sortedOrder`, whose sorts are stable and keep their order just the same).
    private static func isSortedByUTF16(_ members: [DocumentNode.Member]) -> Bool {
        for index in members.indices.dropFirst()
        where !utf16Precedes(members[index - 1].key, members[index].key) {
            return false
        }
        return true
    }

    /// `a` before `b` in UTF-16 code-unit order. UTF-8 byte order is code-point order, which is
    /// UTF-16 order except between a scalar above U+FFFF and one in U+E000–U+FFFF; so the bytes
    /// decide unless the first differing byte could start one of those (>= 0xEE).
    static func utf16Precedes(_ a: String, _ b: String) -> Bool {
        var left = a.utf8.makeIterator()
        var right = b.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return false
            case (nil, _): return true
            case (_, nil): return false
            case let (x?, y?) where x == y: continue
            case let (x?, y?):
                if x >= 0xEE || y >= 0xEE { return a.utf16.lexicographicallyPrecedes(b.utf16) }
                return x < y
            }
        }
    }
}
