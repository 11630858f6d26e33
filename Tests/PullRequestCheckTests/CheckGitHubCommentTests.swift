import Foundation
import Testing
import _CommandTestSupport

/// `check --github-comment` end to end: the built tool, a degraded profile in a temporary git
/// repository, and a stand-in GitHub REST API on 127.0.0.1 that records what the tool sends.
@Suite("check --github-comment against a stub GitHub API")
struct CheckGitHubCommentTests {
    static let upstream = "Profiles/manufacturing-operations/production-supervision-upstream.yaml"
    static let token = "ghs_checkTestToken0123456789"
    static let marker = "<!-- review-profile:check -->"

    /// A branch that degrades one profile, and the environment GitHub Actions gives a pull_request job.
    private func degradedBranch() throws -> (GitFixture, [String: String]) {
        let fixture = try GitFixture()
        try fixture.git("checkout", "-q", "-b", "degrade")
        try fixture.edit(Self.upstream, replacing: "code: 51-1011.00", with: "code: 51-9999.00")
        try fixture.commitAll("wrong O*NET code")
        let event = fixture.base.appendingPathComponent("event.json")
        try Data(#"{"action":"synchronize","number":7,"pull_request":{"number":7}}"#.utf8).write(to: event)
        return (fixture, ["GITHUB_TOKEN": Self.token, "GITHUB_REPOSITORY": "acme/job-architecture", "GITHUB_EVENT_PATH": event.path])
    }

    private func server(existingComment: Bool, status: Int = 200) throws -> LoopbackHTTPServer {
        try LoopbackHTTPServer { request, connection in
            let body: String
            var code = status
            switch (request.method, request.path) {
            case ("GET", "/repos/acme/job-architecture/issues/7/comments"):
                body = existingComment
                    ? #"[{"id":11,"body":"unrelated"},{"id":42,"body":"\#(Self.marker)\nold summary","html_url":"https://example.invalid/c/42"}]"#
                    : "[]"
            case ("PATCH", "/repos/acme/job-architecture/issues/comments/42"):
                body = #"{"id":42,"html_url":"https://example.invalid/c/42"}"#
            case ("POST", "/repos/acme/job-architecture/issues/7/comments"):
                body = #"{"id":99,"html_url":"https://example.invalid/c/99"}"#
                if code == 200 { code = 201 }
            default:
                body = #"{"message":"Not Found"}"#
                code = 404
            }
            connection.respond(code, body: Data(body.utf8), method: request.method, contentType: "application/json; charset=utf-8")
        }
    }

    @Test func aFailingCheckCreatesOneStickyCommentWithTheSummary() throws {
        let (fixture, environment) = try degradedBranch()
        defer { fixture.remove() }
        let server = try server(existingComment: false)
        defer { server.stop() }
        let output = try fixture.run(["check", "--base", "main", "--github-comment", "--github-api-url", server.base],
                                     environment: environment)
        #expect(output.status == 1, "the verdict decides the exit status: \(output.stdout)\(output.stderr)")
        #expect(output.stderr.contains("github-comment: created comment 99 on acme/job-architecture#7"), "\(output.stderr)")
        let posts = server.recordedRequests.filter { $0.method == "POST" }
        #expect(posts.count == 1)
        let post = try #require(posts.first)
        #expect(post.headers["authorization"] == "Bearer \(Self.token)")
        let sent = try #require(try JSONSerialization.jsonObject(with: Data(post.body.utf8)) as? [String: Any])
        let text = try #require(sent["body"] as? String)
        #expect(text.hasPrefix(Self.marker))
        #expect(text.components(separatedBy: Self.marker).count == 2, "the marker appears once")
        #expect(text.contains("unknown_classification_code"))
        #expect(text.contains("\(Self.upstream):"))
        #expect(!output.stdout.contains(Self.token) && !output.stderr.contains(Self.token))
    }

    @Test func theExistingCommentIsUpdatedInPlace() throws {
        let (fixture, environment) = try degradedBranch()
        defer { fixture.remove() }
        let server = try server(existingComment: true)
        defer { server.stop() }
        let output = try fixture.run(["check", "--base", "main", "--github-comment", "--github-api-url", server.base],
                                     environment: environment)
        #expect(output.status == 1)
        #expect(output.stderr.contains("github-comment: updated comment 42"), "\(output.stderr)")
        #expect(server.recordedRequests.filter { $0.method == "POST" }.isEmpty)
        #expect(server.recordedRequests.filter { $0.method == "PATCH" }.count == 1)
    }

    @Test(arguments: [401, 403, 502])
    func anAPIErrorIsReportedAndTheVerdictStillPrinted(status: Int) throws {
        let (fixture, environment) = try degradedBranch()
        defer { fixture.remove() }
        let server = try server(existingComment: false, status: status)
        defer { server.stop() }
        let output = try fixture.run(["check", "--base", "main", "--github-comment", "--github-api-url", server.base],
                                     environment: environment)
        #expect(output.status == 1, "a failed post does not change the verdict's exit status")
        #expect(output.stderr.contains("github-comment: not posted:"), "\(output.stderr)")
        #expect(output.stderr.contains(String(status)), "\(output.stderr)")
        #expect(output.stdout.split(separator: "\n").last?.hasPrefix("FAIL:") == true, "\(output.stdout.suffix(400))")
        #expect(!output.stdout.contains(Self.token) && !output.stderr.contains(Self.token))
    }
}
