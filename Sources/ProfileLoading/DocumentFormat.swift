import LocatedDocument

/// How a file's bytes are parsed, chosen by its extension: `.json` is JSON, everything else YAML.
public enum DocumentFormat: String, Sendable {
    case json
    case yaml

    /// Extensions that directory discovery picks up.
    public static let discoverableExtensions: Set<String> = ["yaml", "yml", "json"]

    public init(path: String) {
        self = Self.pathExtension(of: path) == "json" ? .json : .yaml
    }

    /// The last path component's extension, lowercased ("" when it has none or is a dot file).
    public static func pathExtension(of path: String) -> String {
        // On UTF-8 bytes: "/" and "." are ASCII and never part of a multi-byte character.
        let bytes = path.utf8
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == UInt8(ascii: "/") { end = bytes.index(before: end) }
        let trimmed = bytes[..<end]
        let name = trimmed.lastIndex(of: UInt8(ascii: "/")).map { trimmed[trimmed.index(after: $0)...] } ?? trimmed
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return "" }
        return String(decoding: name[name.index(after: dot)...], as: UTF8.self).lowercased()
    }

    public func parse(_ bytes: [UInt8], limits: DocumentLimits) throws(DocumentParseError) -> DocumentNode {
        switch self {
        case .json: return try JSONReader.read(bytes, limits: limits)
        case .yaml: return try YAMLReader.read(bytes, limits: limits)
        }
    }
}
