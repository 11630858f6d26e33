/// Canonical JSON text of a document in the spirit of RFC 8785 (JCS): object keys sorted by their
/// UTF-16 code units, no insignificant whitespace, integers without a fraction. Two documents with
/// the same content give the same bytes whatever their source format or layout.
public enum CanonicalJSON {
    public static func serialize(_ node: DocumentNode) -> String {
        var output = ""
        write(node, to: &output)
        return output
    }

    private static func write(_ node: DocumentNode, to output: inout String) {
        switch node.value {
        case .object(let members):
            output += "{"
            let sorted = members.sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }
            for (index, member) in sorted.enumerated() {
                if index > 0 { output += "," }
                JSONValue.writeString(member.key, to: &output)
                output += ":"
                write(member.value, to: &output)
            }
            output += "}"
        case .array(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                write(item, to: &output)
            }
            output += "]"
        case .number(let number) where number.isFinite && number == number.rounded() && abs(number) < 1e15:
            output += String(Int(number))
        default:
            output += JSONValue(node).serialized()
        }
    }
}
