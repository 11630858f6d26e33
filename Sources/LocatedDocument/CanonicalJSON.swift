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
            let order = members.count < 2 || isSortedByUTF16(members) ? Array(members.indices)
                : members.indices.sorted { utf16Precedes(members[$0].key, members[$1].key) }
            for (position, index) in order.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                JSONValue.writeString(members[index].key, to: &output)
                output.append(UInt8(ascii: ":"))
                write(members[index].value, to: &output)
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

    /// Keys already in order (strictly ascending; duplicates cannot occur in a parsed document, but
    /// a tie falls back to the stable sort, which keeps their order just the same).
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
