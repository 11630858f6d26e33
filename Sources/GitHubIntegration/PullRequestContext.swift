import Foundation

/// Which pull request to comment on, where its API lives, and the token to use — everything a
/// GitHub Actions job provides in its environment.
public struct PullRequestContext: Sendable, CustomStringConvertible {
    /// The REST API root, without a trailing slash (`https://api.github.com`, or
    /// `https://ghe.example.com/api/v3` on GitHub Enterprise Server).
    public var apiBase: URL
    public var repository: GitHubRepository
    public var number: Int
    public var token: GitHubToken

    public static let defaultAPIURL = "https://api.github.com"

    public init(apiBase: URL, repository: GitHubRepository, number: Int, token: GitHubToken) {
        self.apiBase = apiBase
        self.repository = repository
        self.number = number
        self.token = token
    }

    /// Reads `GITHUB_TOKEN`, `GITHUB_REPOSITORY`, the pull request number from the event file at
    /// `GITHUB_EVENT_PATH`, and the API root from `apiURL` (`--github-api-url`), else
    /// `GITHUB_API_URL`, else api.github.com.
    public static func fromEnvironment(_ environment: [String: String], apiURL: String?) throws(GitHubIntegrationError) -> PullRequestContext {
        guard let rawToken = environment["GITHUB_TOKEN"], !rawToken.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw GitHubIntegrationError(.configuration,
                "GITHUB_TOKEN is not set; --github-comment needs it (env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }} in the workflow step)")
        }
        let secret = rawToken.trimmingCharacters(in: .whitespacesAndNewlines)
        guard secret.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) else {
            // Never echo the value: it is a secret, even when it is malformed.
            throw GitHubIntegrationError(.configuration,
                "GITHUB_TOKEN holds spaces, control or non-ASCII characters; a GitHub token is one printable ASCII word")
        }
        guard let repositoryText = environment["GITHUB_REPOSITORY"], !repositoryText.isEmpty else {
            throw GitHubIntegrationError(.configuration, "GITHUB_REPOSITORY is not set; it must be owner/name (GitHub Actions sets it)")
        }
        let repository = try GitHubRepository(parsing: repositoryText)
        guard let eventPath = environment["GITHUB_EVENT_PATH"], !eventPath.isEmpty else {
            throw GitHubIntegrationError(.configuration,
                "GITHUB_EVENT_PATH is not set; it names the event file that holds the pull request number (GitHub Actions sets it)")
        }
        let number = try PullRequestEvent.pullRequestNumber(atPath: eventPath, eventName: environment["GITHUB_EVENT_NAME"])
        let base = try apiBase(explicit: apiURL, environment: environment)
        return PullRequestContext(apiBase: base, repository: repository, number: number, token: GitHubToken(secret))
    }

    public var description: String { "\(repository)#\(number) via \(apiBase.absoluteString)" }

    /// The API root: http(s) with a host, no query or fragment, trailing slashes removed.
    static func apiBase(explicit: String?, environment: [String: String]) throws(GitHubIntegrationError) -> URL {
        let (text, source): (String, String) = if let explicit {
            (explicit, "--github-api-url")
        } else if let fromEnvironment = environment["GITHUB_API_URL"], !fromEnvironment.isEmpty {
            (fromEnvironment, "GITHUB_API_URL")
        } else {
            (defaultAPIURL, "the default API URL")
        }
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
              scheme == "https" || scheme == "http", let host = components.host, !host.isEmpty,
              components.query == nil, components.fragment == nil, components.user == nil, components.password == nil,
              let url = components.url else {
            throw GitHubIntegrationError(.configuration,
                "\(source) must be an http(s) URL of the REST API root, such as https://api.github.com or https://github.example.com/api/v3; found '\(GitHubRepository.printable(text))'")
        }
        return url
    }
}
