import Foundation
import GitHubIntegration
import LocatedDocument
import ProfileLoading
import Testing
import _CommandTestSupport

@Suite("Sticky pull request comment against a stub GitHub API on 127.0.0.1")
struct StickyCommentPublisherTests {
    static let secret = "ghs_Secret0123456789abcdefTOKEN"
    static let marker = PullRequestCommentPoster.checkMarker
    static let commentsPath = "/repos/octo-org/profiles/issues/7/comments"

    static func publisher(_ server: LoopbackHTTPServer, maxPages: Int = 50) throws -> StickyCommentPublisher {
        let context = PullRequestContext(
            apiBase: URL(string: server.base)!, repository: try GitHubRepository(parsing: "octo-org/profiles"),
            number: 7, token: GitHubToken(secret)
        )
        return StickyCommentPublisher(context: context, timeout: 10, maxPages: maxPages)
    }

    static func sentBody(_ request: RecordedRequest) throws -> String {
        let node = try JSONReader.read([UInt8](request.body.utf8))
        return try #require(node["body"]?.stringValue)
    }

    @Test func createsTheCommentWhenNoneHoldsTheMarker() throws {
        let result = try withStubServer({ request in
            switch (request.method, request.path) {
            case ("GET", Self.commentsPath):
                return .json(200, #"[{"id": 1, "body": "LGTM", "html_url": "x"}, {"id": 2, "body": null}]"#)
            case ("POST", Self.commentsPath):
                return .json(201, #"{"id": 99, "html_url": "https://github.com/octo-org/profiles/pull/7#issuecomment-99"}"#)
            default: return .json(404, #"{"message": "Not Found"}"#)
            }
        }) { server in
            let published = try Self.publisher(server).publish(body: "## Review\n| a | b |\n", marker: Self.marker)
            return (published, server.recordedRequests)
        }
        #expect(result.0 == PublishedComment(action: .created, id: 99, htmlURL: "https://github.com/octo-org/profiles/pull/7#issuecomment-99"))
        let requests = result.1
        #expect(requests.map { "\($0.method) \($0.target)" } == [
            "GET \(Self.commentsPath)?per_page=100", "POST \(Self.commentsPath)",
        ])
        for request in requests {
            #expect(request.headers["authorization"] == "Bearer \(Self.secret)")
            #expect(request.headers["accept"] == "application/vnd.github+json")
            #expect(request.headers["x-github-api-version"] == "2022-11-28")
            #expect(request.headers["user-agent"] == "review-profile/\(ToolInfo.version)")
        }
        #expect(requests[1].headers["content-type"]?.hasPrefix("application/json") == true)
        #expect(try Self.sentBody(requests[1]) == Self.marker + "\n## Review\n| a | b |\n")
    }

    @Test func updatesTheMarkedCommentInPlaceEvenOnTheSecondPage() throws {
        let requests = try withStubServer({ request in
            switch (request.method, request.target) {
            case ("GET", Self.commentsPath + "?per_page=100"):
                let next = "<http://127.0.0.1:\(request.headers["host"]?.split(separator: ":").last ?? "")\(Self.commentsPath)?per_page=100&page=2>"
                return .json(200, #"[{"id": 10, "body": "first"}, {"id": 11, "body": "second"}]"#,
                             headers: ["Link": "\(next); rel=\"next\", <http://127.0.0.1/x?page=2>; rel=\"last\""])
            case ("GET", Self.commentsPath + "?per_page=100&page=2"):
                return .json(200, #"[{"id": 55, "body": "<!-- review-profile:check -->\nold summary", "html_url": "https://h/55"}, {"id": 56, "body": "<!-- review-profile:check --> later copy"}]"#)
            case ("PATCH", "/repos/octo-org/profiles/issues/comments/55"):
                return .json(200, #"{"id": 55, "html_url": "https://h/55"}"#)
            default: return .json(404, #"{"message": "Not Found"}"#)
            }
        }) { server in
            let published = try Self.publisher(server).publish(body: "new summary", marker: Self.marker)
            #expect(published == PublishedComment(action: .updated, id: 55, htmlURL: "https://h/55"))
            return server.recordedRequests
        }
        #expect(requests.map { "\($0.method) \($0.target)" } == [
            "GET \(Self.commentsPath)?per_page=100", "GET \(Self.commentsPath)?per_page=100&page=2",
            "PATCH /repos/octo-org/profiles/issues/comments/55",
        ])
        #expect(requests.allSatisfy { $0.headers["authorization"] == "Bearer \(Self.secret)" })
        #expect(try Self.sentBody(requests[2]) == Self.marker + "\nnew summary")
    }

    /// The error `publish` throws (recording an issue when it does not throw).
    static func publishError(_ publisher: StickyCommentPublisher, body: String = "summary") -> GitHubIntegrationError {
        do throws(GitHubIntegrationError) {
            let published = try publisher.publish(body: body, marker: marker)
            Issue.record("expected an error, got \(published)")
            return GitHubIntegrationError(.transport, "no error")
        } catch {
            return error
        }
    }

    static func failure(status: Int, body: String) throws -> (GitHubIntegrationError, [RecordedRequest]) {
        try withStubServer({ _ in .json(status, body) }) { server in
            (Self.publishError(try Self.publisher(server)), server.recordedRequests)
        }
    }

    @Test func a401SaysTheTokenWasRejectedWithoutShowingIt() throws {
        // A hostile or buggy server echoing the token must not get it into the log either.
        let (error, requests) = try Self.failure(status: 401, body: #"{"message": "Bad credentials for \#(Self.secret)"}"#)
        #expect(error.kind == .unauthorized && error.status == 401)
        #expect(error.message.contains("GITHUB_TOKEN was rejected (HTTP 401)"))
        #expect(error.message.contains("Bad credentials"))
        #expect(!error.message.contains(Self.secret) && !"\(error)".contains(Self.secret) && !String(reflecting: error).contains(Self.secret))
        #expect(requests.count == 1)  // nothing is posted after the listing fails
    }

    @Test func a403ExplainsThePermissionAndForkCases() throws {
        let (error, _) = try Self.failure(status: 403, body: #"{"message": "Resource not accessible by integration"}"#)
        #expect(error.kind == .forbidden)
        #expect(error.message.contains("pull-requests: write") && error.message.contains("issues: write"))
        #expect(error.message.contains("forks") && error.message.contains("Resource not accessible by integration"))
        #expect(!error.message.contains(Self.secret))
    }

    @Test func notFoundValidationAndServerErrorsNameTheirStatus() throws {
        let (notFound, _) = try Self.failure(status: 404, body: #"{"message": "Not Found"}"#)
        #expect(notFound.kind == .notFound && notFound.message.contains("HTTP 404") && notFound.message.contains("GITHUB_REPOSITORY"))
        let (server, _) = try Self.failure(status: 502, body: "<html>bad gateway</html>")
        #expect(server.kind == .serverError && server.message.contains("HTTP 502") && server.message.contains("rerun"))
        let rejected = try withStubServer({ request in
            request.method == "GET" ? .json(200, "[]")
                : .json(422, #"{"message": "Validation Failed", "errors": [{"message": "body is too long (maximum is 65536 characters)"}]}"#)
        }) { server in
            Self.publishError(try Self.publisher(server), body: "x")
        }
        #expect(rejected.kind == .rejected && rejected.message.contains("HTTP 422"))
        #expect(rejected.message.contains("Validation Failed: body is too long"))
    }

    @Test func paginationIsBoundedAndNeverLeavesTheAPIHost() throws {
        let (looping, count) = try withStubServer({ request in
            let port = request.headers["host"]?.split(separator: ":").last ?? ""
            return .json(200, "[]", headers: ["Link": "<http://127.0.0.1:\(port)\(Self.commentsPath)?page=again>; rel=\"next\""])
        }) { server in
            (Self.publishError(try Self.publisher(server, maxPages: 3), body: "x"), server.recordedRequests.count)
        }
        #expect(looping.kind == .invalidResponse && looping.message.contains("more than 300 comments"))
        #expect(count == 3)
        let (foreign, requests) = try withStubServer({ _ in
            .json(200, "[]", headers: ["Link": "<https://evil.example/steal?page=2>; rel=\"next\""])
        }) { server in
            (Self.publishError(try Self.publisher(server), body: "x"), server.recordedRequests)
        }
        #expect(foreign.kind == .invalidResponse && foreign.message.contains("evil.example"))
        #expect(requests.count == 1)
    }

    @Test func anOverlongBodyIsTruncatedVisiblyAndKeepsTheMarker() throws {
        let markdown = String(repeating: "| profile | 5 | 5 | 5 | 5 | 5 | approved |\n", count: 3_000)
        let sent = try withStubServer({ request in
            request.method == "GET" ? .json(200, "[]") : .json(201, #"{"id": 5, "html_url": ""}"#)
        }) { server in
            _ = try Self.publisher(server).publish(body: markdown, marker: Self.marker)
            return try Self.sentBody(server.recordedRequests[1])
        }
        #expect(sent.unicodeScalars.count <= StickyCommentBody.maxCharacters)
        #expect(sent.hasPrefix(Self.marker + "\n| profile |"))
        #expect(sent.contains("**Truncated:**") && sent.contains("65536-character comment limit"))
        #expect(sent.components(separatedBy: "\n").filter { $0.hasPrefix("| profile") }.allSatisfy { $0.hasSuffix("approved |") })
        #expect(StickyCommentBody.compose(markdown: "short", marker: Self.marker) == Self.marker + "\nshort")
    }

    @Test func thePosterNeverThrowsSoTheVerdictCanStillBePrinted() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rp-gh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let event = directory.appendingPathComponent("event.json")
        try #"{"action": "synchronize", "number": 7, "pull_request": {"number": 7}}"#.write(to: event, atomically: true, encoding: .utf8)
        let environment = ["GITHUB_TOKEN": Self.secret, "GITHUB_REPOSITORY": "octo-org/profiles", "GITHUB_EVENT_PATH": event.path]
        let ok = try withStubServer({ request in
            request.method == "GET" ? .json(200, "[]") : .json(201, #"{"id": 77, "html_url": "https://h/77"}"#)
        }) { server in
            PullRequestCommentPoster.post(markdown: "summary", environment: environment.merging(["GITHUB_API_URL": server.base]) { $1 })
        }
        #expect(ok.succeeded && ok.message == "github-comment: created comment 77 on octo-org/profiles#7 (https://h/77)")
        let failed = try withStubServer({ _ in .json(500, #"{"message": "oops \#(Self.secret)"}"#) }) { server in
            PullRequestCommentPoster.post(markdown: "summary", environment: environment, apiURL: server.base)
        }
        #expect(!failed.succeeded && failed.message.hasPrefix("github-comment: not posted: the GitHub API failed (HTTP 500)"))
        #expect(!failed.message.contains(Self.secret))
        let unconfigured = PullRequestCommentPoster.post(markdown: "summary", environment: [:])
        #expect(!unconfigured.succeeded && unconfigured.message.contains("GITHUB_TOKEN is not set"))
    }

    @Test func anUnreachableAPIIsATransportErrorNotAHang() throws {
        // Port 9 on 127.0.0.1 is closed: connection refused, answered at once.
        let context = PullRequestContext(apiBase: URL(string: "http://127.0.0.1:9")!, repository: try GitHubRepository(parsing: "o/r"),
                                         number: 1, token: GitHubToken(Self.secret))
        let error = Self.publishError(StickyCommentPublisher(context: context, timeout: 10), body: "x")
        #expect(error.kind == .transport && !error.message.contains(Self.secret))
    }
}
