import Foundation
import LocatedDocument
import ProfileLoading

/// Keeps one comment per pull request up to date: finds the comment that holds the hidden marker
/// among the pull request's issue comments and edits it, or creates it when there is none.
///
/// REST endpoints (API version 2022-11-28):
/// `GET /repos/{owner}/{repo}/issues/{number}/comments?per_page=100` (paginated by `Link`),
/// `PATCH /repos/{owner}/{repo}/issues/comments/{id}`, `POST /repos/{owner}/{repo}/issues/{number}/comments`.
public struct StickyCommentPublisher: Sendable {
    public var context: PullRequestContext
    /// Per request.
    public var timeout: TimeInterval
    /// Comment pages searched for the marker (100 comments each) before giving up.
    public var maxPages: Int

    public init(context: PullRequestContext, timeout: TimeInterval = 30, maxPages: Int = 50) {
        self.context = context
        self.timeout = timeout
        self.maxPages = maxPages
    }

    /// Answers from GitHub are small JSON documents; these bounds only stop a hostile server.
    static let limits = DocumentLimits(maxBytes: 64 << 20, maxDepth: 64, maxNodes: 5_000_000, maxAliases: 0)

    public func publish(body markdown: String, marker: String) throws(GitHubIntegrationError) -> PublishedComment {
        let body = StickyCommentBody.compose(markdown: markdown, marker: marker)
        do {
            let payload = JSONValue.object([("body", .string(body))]).serialized()
            if let existing = try findComment(marker: marker) {
                let url = endpoint("issues/comments/\(existing)")
                let response = try client.send("PATCH", url, json: payload)
                return try published(response, action: .updated, operation: "updating comment \(existing) on \(pullRequest)")
            }
            let response = try client.send("POST", endpoint("issues/\(context.number)/comments"), json: payload)
            return try published(response, action: .created, operation: "creating a comment on \(pullRequest)")
        } catch {
            throw error.redacting(context.token)
        }
    }

    /// The id of the first (oldest) comment whose body contains `marker`.
    func findComment(marker: String) throws(GitHubIntegrationError) -> Int? {
        var next: URL? = endpoint("issues/\(context.number)/comments", query: "per_page=100")
        var page = 0
        while let url = next {
            page += 1
            guard page <= maxPages else {
                throw GitHubIntegrationError(.invalidResponse,
                    "\(pullRequest) has more than \(maxPages * 100) comments; stopped looking for the review comment")
            }
            let operation = "listing the comments of \(pullRequest) (page \(page))"
            let response = try client.send("GET", url)
            guard response.status == 200 else { throw failure(response, operation: operation) }
            guard let comments = try document(response, operation: operation).arrayValue else {
                throw GitHubIntegrationError(.invalidResponse, "expected a JSON array while \(operation)")
            }
            for comment in comments {
                if let text = comment["body"]?.stringValue, text.contains(marker), let id = comment["id"]?.intValue {
                    return id
                }
            }
            next = try sameOrigin(LinkHeader.url(in: response.link, relation: "next"), operation: operation)
        }
        return nil
    }

    private var client: GitHubHTTPClient {
        GitHubHTTPClient(token: context.token, userAgent: "\(ToolInfo.name)/\(ToolInfo.version)", timeout: timeout)
    }

    private var pullRequest: String { "\(context.repository)#\(context.number)" }

    private func endpoint(_ path: String, query: String? = nil) -> URL {
        let text = context.apiBase.absoluteString + "/repos/\(context.repository.owner)/\(context.repository.name)/" + path
        return URL(string: query.map { text + "?" + $0 } ?? text)!
    }

    /// Pagination links must stay on the API's scheme, host and port: the token goes with them.
    private func sameOrigin(_ url: URL?, operation: String) throws(GitHubIntegrationError) -> URL? {
        guard let url else { return nil }
        let base = context.apiBase
        guard url.scheme?.lowercased() == base.scheme?.lowercased(), url.host?.lowercased() == base.host?.lowercased(),
              Self.effectivePort(url) == Self.effectivePort(base) else {
            throw GitHubIntegrationError(.invalidResponse,
                "the next-page link while \(operation) points to another server (\(url.host ?? "?")); not following it with the token")
        }
        return url
    }

    /// The port a URL connects to (`https://h` and `https://h:443` are the same origin).
    private static func effectivePort(_ url: URL) -> Int? {
        url.port ?? (url.scheme?.lowercased() == "https" ? 443 : url.scheme?.lowercased() == "http" ? 80 : nil)
    }

    private func published(_ response: GitHubHTTPResponse, action: PublishedComment.Action, operation: String) throws(GitHubIntegrationError) -> PublishedComment {
        guard (200...299).contains(response.status) else { throw failure(response, operation: operation) }
        let comment = try document(response, operation: operation)
        guard let id = comment["id"]?.intValue else {
            throw GitHubIntegrationError(.invalidResponse, "GitHub's answer while \(operation) has no comment id")
        }
        return PublishedComment(action: action, id: id, htmlURL: comment["html_url"]?.stringValue ?? "")
    }

    private func document(_ response: GitHubHTTPResponse, operation: String) throws(GitHubIntegrationError) -> DocumentNode {
        do {
            return try JSONReader.read([UInt8](response.body), limits: Self.limits)
        } catch {
            throw GitHubIntegrationError(.invalidResponse, "GitHub's answer while \(operation) is not JSON: \(error.message)")
        }
    }

    private func failure(_ response: GitHubHTTPResponse, operation: String) -> GitHubIntegrationError {
        GitHubIntegrationError.forStatus(response.status, operation: operation, gitHubMessage: gitHubMessage(response.body))
    }

    /// GitHub's `message` (and the first validation error's), cleaned for a log line.
    private func gitHubMessage(_ body: Data) -> String? {
        guard let root = try? JSONReader.read([UInt8](body), limits: Self.limits), let message = root["message"]?.stringValue else {
            return nil
        }
        var text = message
        if let first = root["errors"]?.arrayValue?.first, let detail = first["message"]?.stringValue ?? first.stringValue {
            text += ": " + detail
        }
        let clean = String(String.UnicodeScalarView(context.token.redact(text).unicodeScalars.map {
            $0.properties.generalCategory == .control ? " " : $0
        }))
        return clean.count > 300 ? String(clean.prefix(300)) + "…" : clean
    }
}
