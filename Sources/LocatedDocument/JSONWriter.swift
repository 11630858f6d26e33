/// Writes JSON deterministically: keys in the order the caller gives them, no whitespace variation,
/// shortest round-tripping numbers, and only the escapes RFC 8259 requires (plus U+2028 and U+2029,
/// which break JavaScript string literals).
///
/// Reporters build output with `JSONValue` literals so the key order is part of the code, which is
/// what keeps `--format json` byte-identical from run to run.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    /// Members in output order.
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .double(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }
}

extension JSONValue {
    /// Compact JSON text.
    public func serialized() -> String {
        var output = ""
        write(to: &output, indent: nil, depth: 0)
        return output
    }

    /// JSON text indented with two spaces per level, ending without a newline.
    public func prettySerialized() -> String {
        var output = ""
        write(to: &output, indent: "  ", depth: 0)
        return output
    }

    private func write(to output: inout String, indent: String?, depth: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .int(let number): output += String(number)
        case .double(let number): output += Self.format(number)
        case .string(let text): Self.writeString(text, to: &output)
        case .array(let items):
            writeContainer(items, open: "[", close: "]", to: &output, indent: indent, depth: depth) { item, output in
                item.write(to: &output, indent: indent, depth: depth + 1)
            }
        case .object(let members):
            writeContainer(members, open: "{", close: "}", to: &output, indent: indent, depth: depth) { member, output in
                Self.writeString(member.0, to: &output)
                output += indent == nil ? ":" : ": "
                member.1.write(to: &output, indent: indent, depth: depth + 1)
            }
        }
    }

    private func writeContainer<Element>(
        _ elements: [Element], open: String, close: String, to output: inout String, indent: String?, depth: Int,
        writeElement: (Element, inout String) -> Void
    ) {
        output += open
        guard !elements.isEmpty else {
            output += close
            return
        }
        for (index, element) in elements.enumerated() {
            if index > 0 { output += "," }
            if let indent {
                output += "\n" + String(repeating: indent, count: depth + 1)
            }
            writeElement(element, &output)
        }
        if let indent {
            output += "\n" + String(repeating: indent, count: depth)
        }
        output += close
    }

    /// Whole numbers print with one decimal (`4.0`), so a score keeps its type across languages;
    /// non-finite numbers have no JSON form and print as null.
    static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e15 {
            return String(Int(number)) + ".0"
        }
        return "\(number)"
    }

    static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{2028}", "\u{2029}":
                output += unicodeEscape(scalar.value)
            default:
                if scalar.value < 0x20 {
                    output += unicodeEscape(scalar.value)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

extension JSONValue {
    /// The JSON form of a parsed document node (positions dropped, member order kept).
    public init(_ node: DocumentNode) {
        switch node.value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .integer(let number): self = .int(number)
        case .number(let number): self = .double(number)
        case .string(let text): self = .string(text)
        case .array(let items): self = .array(items.map(JSONValue.init))
        case .object(let members): self = .object(members.map { ($0.key, JSONValue($0.value)) })
        }
    }
}
