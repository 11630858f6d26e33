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

    public static func pathExtension(of path: String) -> String {
        let name = path.split(separator: "/").last ?? Substring(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    public func parse(_ bytes: [UInt8], limits: DocumentLimits) throws(DocumentParseError) -> DocumentNode {
        switch self {
        case .json: return try JSONReader.read(bytes, limits: limits)
        case .yaml: return try YAMLReader.read(bytes, limits: limits)
        }
    }
}
