/// Bounds that keep a hostile file from exhausting memory, stack or time while it is parsed.
///
/// Profiles arrive in pull requests from anyone, so every reader enforces these before it builds
/// anything large: a YAML "billion laughs" file fails on `maxNodes` after a few thousand steps.
public struct DocumentLimits: Sendable, Equatable {
    /// Largest file accepted, in bytes.
    public var maxBytes: Int
    /// Deepest nesting of arrays and objects.
    public var maxDepth: Int
    /// Most nodes a document may have once YAML aliases are expanded.
    public var maxNodes: Int
    /// Most alias references (`*name`) in one YAML document.
    public var maxAliases: Int

    public init(maxBytes: Int = 1 << 20, maxDepth: Int = 64, maxNodes: Int = 200_000, maxAliases: Int = 100) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
        self.maxAliases = maxAliases
    }

    public static let `default` = DocumentLimits()
}
