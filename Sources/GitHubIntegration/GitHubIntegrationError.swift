/// Why talking to GitHub failed, worded for the person reading the CI log. Messages never hold the
/// token: they are built from our own text, paths, and GitHub's (sanitised, redacted) error message.
public struct GitHubIntegrationError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Kind: String, Sendable {
        /// The environment or flags do not say which pull request, or how to reach it.
        case configuration
        /// 401.
        case unauthorized
        /// 403 (permissions, fork pull requests, or a rate limit).
        case forbidden
        /// 404.
        case notFound
        /// 422.
        case rejected
        /// 5xx.
        case serverError
        /// Any other unexpected status.
        case unexpectedStatus
        /// No HTTP answer: connection refused, DNS, TLS, timeout.
        case transport
        /// An answer we cannot use (not the JSON GitHub documents, a foreign pagination link, too many pages).
        case invalidResponse
    }

    public var kind: Kind
    /// The HTTP status, when GitHub answered.
    public var status: Int?
    public var message: String

    public init(_ kind: Kind, status: Int? = nil, _ message: String) {
        self.kind = kind
        self.status = status
        self.message = message
    }

    public var description: String { message }

    /// The error for a non-success answer to `operation` (e.g. "listing the comments of owner/repo#7").
    static func forStatus(_ status: Int, operation: String, gitHubMessage: String?) -> GitHubIntegrationError {
        let detail = gitHubMessage.map { " GitHub said: \"\($0)\"." } ?? ""
        switch status {
        case 401:
            return GitHubIntegrationError(.unauthorized, status: status,
                "GITHUB_TOKEN was rejected (HTTP 401) while \(operation).\(detail) "
                    + "Pass the workflow's token (env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}), or a token that has not expired.")
        case 403:
            return GitHubIntegrationError(.forbidden, status: status,
                "GitHub refused (HTTP 403) while \(operation).\(detail) The token needs write access to pull request comments: "
                    + "add `permissions: pull-requests: write` (or `issues: write`) to the workflow job. "
                    + "Pull requests from forks get a read-only GITHUB_TOKEN; post the comment from a separate `workflow_run` workflow instead. "
                    + "A 403 can also be a rate limit; then retry later.")
        case 404:
            return GitHubIntegrationError(.notFound, status: status,
                "not found (HTTP 404) while \(operation).\(detail) Check GITHUB_REPOSITORY, the pull request number in the event, "
                    + "and --github-api-url; a token without access to a private repository also sees 404.")
        case 422:
            return GitHubIntegrationError(.rejected, status: status,
                "GitHub rejected the request (HTTP 422) while \(operation).\(detail)")
        case 500...599:
            return GitHubIntegrationError(.serverError, status: status,
                "the GitHub API failed (HTTP \(status)) while \(operation).\(detail) This is on GitHub's side; rerun the job later.")
        case 300...399:
            return GitHubIntegrationError(.unexpectedStatus, status: status,
                "GitHub answered with a redirect (HTTP \(status)) while \(operation), which is not followed (the token must not travel elsewhere). "
                    + "Was the repository renamed or moved? Use its current owner/name.")
        default:
            return GitHubIntegrationError(.unexpectedStatus, status: status,
                "unexpected HTTP \(status) while \(operation).\(detail)")
        }
    }

    /// The same error with the token (if it somehow got in) replaced by `***`.
    func redacting(_ token: GitHubToken) -> GitHubIntegrationError {
        GitHubIntegrationError(kind, status: status, token.redact(message))
    }
}
