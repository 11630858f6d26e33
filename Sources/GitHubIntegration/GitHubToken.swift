/// The API token, kept out of every printed form: interpolating, dumping or mirroring a value that
/// holds it shows `***`. Only `GitHubHTTPClient` reads the secret, to build the Authorization header.
public struct GitHubToken: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let secret: String

    public init(_ secret: String) {
        self.secret = secret
    }

    public var description: String { "***" }
    public var debugDescription: String { "GitHubToken(***)" }
    public var customMirror: Mirror { Mirror(self, children: [:]) }

    /// `text` with every occurrence of the token replaced by `***` (for text GitHub sends back).
    func redact(_ text: String) -> String {
        secret.isEmpty ? text : text.replacingOccurrences(of: secret, with: "***")
    }
}
