/// `owner/name` as GitHub spells it, validated before it goes into a URL path.
public struct GitHubRepository: Sendable, Equatable, CustomStringConvertible {
    public var owner: String
    public var name: String

    /// - Throws: when `text` is not `owner/name` with GitHub's allowed characters.
    public init(parsing text: String, variable: String = "GITHUB_REPOSITORY") throws(GitHubIntegrationError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, Self.isOwner(parts[0]), Self.isName(parts[1]) else {
            throw GitHubIntegrationError(.configuration,
                "\(variable) must be owner/name (letters, digits, '-', and for the name also '.' and '_'), found '\(Self.printable(text))'")
        }
        owner = parts[0]
        name = parts[1]
    }

    public var description: String { "\(owner)/\(name)" }

    /// Accounts: 1–39 letters, digits and hyphens.
    static func isOwner(_ text: String) -> Bool {
        (1...39).contains(text.utf8.count) && text.utf8.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    /// Repositories: 1–100 letters, digits, '-', '.', '_', but not '.' or '..'.
    static func isName(_ text: String) -> Bool {
        (1...100).contains(text.utf8.count) && text != "." && text != ".."
            && text.utf8.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// A bounded, control-free echo of bad input for an error message.
    static func printable(_ text: String) -> String {
        let cleaned = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : $0 }))
        return cleaned.count > 120 ? String(cleaned.prefix(120)) + "…" : cleaned
    }
}
