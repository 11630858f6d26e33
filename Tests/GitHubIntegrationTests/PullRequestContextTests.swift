import Foundation
@testable import GitHubIntegration
import Testing

@Suite("Pull request context from the GitHub Actions environment")
struct PullRequestContextTests {
    static let secret = "ghp_EnvSecretValue987654321"

    /// Writes `event` to a temporary file and returns a complete environment pointing at it.
    static func environment(event: String, _ extra: [String: String] = [:]) throws -> ([String: String], URL) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rp-event-\(UUID().uuidString).json")
        try event.write(to: file, atomically: true, encoding: .utf8)
        let base = ["GITHUB_TOKEN": secret, "GITHUB_REPOSITORY": "octo-org/profiles", "GITHUB_EVENT_PATH": file.path]
        return (base.merging(extra) { $1 }, file)
    }

    static func context(event: String, _ extra: [String: String] = [:], apiURL: String? = nil) throws -> PullRequestContext {
        let (environment, file) = try environment(event: event, extra)
        defer { try? FileManager.default.removeItem(at: file) }
        return try PullRequestContext.fromEnvironment(environment, apiURL: apiURL)
    }

    static func error(event: String = #"{"number": 3}"#, _ extra: [String: String] = [:], removing: [String] = [], apiURL: String? = nil) throws -> GitHubIntegrationError {
        var (environment, file) = try environment(event: event, extra)
        defer { try? FileManager.default.removeItem(at: file) }
        for name in removing { environment.removeValue(forKey: name) }
        do throws(GitHubIntegrationError) {
            let context = try PullRequestContext.fromEnvironment(environment, apiURL: apiURL)
            Issue.record("expected an error, got \(context)")
            return GitHubIntegrationError(.transport, "none")
        } catch {
            #expect(!error.message.contains(secret))
            return error
        }
    }

    @Test func readsTheNumberFromEachEventShape() throws {
        #expect(try Self.context(event: #"{"action": "opened", "number": 12, "pull_request": {"number": 12, "head": {"ref": "x"}}}"#).number == 12)
        #expect(try Self.context(event: #"{"pull_request": {"number": 31}}"#).number == 31)
        #expect(try Self.context(event: #"{"number": 8}"#).number == 8)
        // issue_comment on a pull request: issue.pull_request is present.
        #expect(try Self.context(event: #"{"action": "created", "issue": {"number": 44, "pull_request": {"url": "u"}}, "comment": {"id": 1}}"#).number == 44)
    }

    @Test func eventsWithoutAPullRequestAreClearErrors() throws {
        let plainIssue = try Self.error(event: #"{"issue": {"number": 5}, "comment": {"id": 1}}"#)
        #expect(plainIssue.kind == .configuration && plainIssue.message.contains("on an issue, not a pull request"))
        let push = try Self.error(event: #"{"ref": "refs/heads/main", "commits": []}"#, ["GITHUB_EVENT_NAME": "push"])
        #expect(push.message.contains("(event push) names no pull request") && push.message.contains("GITHUB_EVENT_PATH"))
        let badNumber = try Self.error(event: #"{"pull_request": {"number": "12"}}"#)
        #expect(badNumber.message.contains("pull_request.number must be a positive whole number"))
        let negative = try Self.error(event: #"{"number": -1}"#)
        #expect(negative.message.contains("number must be a positive whole number"))
        let notJSON = try Self.error(event: "number: 3")
        #expect(notJSON.message.contains("is not valid JSON"))
        let missing = try Self.error(["GITHUB_EVENT_PATH": "/nonexistent/event.json"])
        #expect(missing.message.contains("GITHUB_EVENT_PATH names /nonexistent/event.json, which cannot be read"))
    }

    @Test func eachMissingOrInvalidVariableIsNamed() throws {
        #expect(try Self.error(removing: ["GITHUB_TOKEN"]).message.contains("GITHUB_TOKEN is not set"))
        #expect(try Self.error(["GITHUB_TOKEN": "  "]).message.contains("GITHUB_TOKEN is not set"))
        #expect(try Self.error(["GITHUB_TOKEN": "ghp_a\nInjected: 1"]).message.contains("GITHUB_TOKEN holds spaces, control"))
        #expect(try Self.error(removing: ["GITHUB_REPOSITORY"]).message.contains("GITHUB_REPOSITORY is not set"))
        for bad in ["octo-org", "octo-org/profiles/extra", "../etc/passwd", "octo org/x", "o/..", "o/r?x=1", "/r"] {
            #expect(try Self.error(["GITHUB_REPOSITORY": bad]).message.contains("GITHUB_REPOSITORY must be owner/name"), "\(bad)")
        }
        #expect(try Self.error(removing: ["GITHUB_EVENT_PATH"]).message.contains("GITHUB_EVENT_PATH is not set"))
        #expect(try Self.error(apiURL: "ftp://example.com").message.contains("--github-api-url must be an http(s) URL"))
        #expect(try Self.error(["GITHUB_API_URL": "not a url"]).message.contains("GITHUB_API_URL must be an http(s) URL"))
    }

    @Test func theAPIRootComesFromTheFlagThenTheEnvironmentThenTheDefault() throws {
        let event = #"{"number": 3}"#
        #expect(try Self.context(event: event).apiBase.absoluteString == "https://api.github.com")
        let enterprise = ["GITHUB_API_URL": "https://ghe.example.com/api/v3/"]
        #expect(try Self.context(event: event, enterprise).apiBase.absoluteString == "https://ghe.example.com/api/v3")
        #expect(try Self.context(event: event, enterprise, apiURL: "http://127.0.0.1:8080").apiBase.absoluteString == "http://127.0.0.1:8080")
        let context = try Self.context(event: event)
        #expect(context.repository == (try GitHubRepository(parsing: "octo-org/profiles")) && context.number == 3)
    }

    @Test func theTokenNeverAppearsInAnyPrintedForm() throws {
        let context = try Self.context(event: #"{"number": 3}"#)
        var dumped = ""
        dump(context, to: &dumped)
        for text in ["\(context)", String(describing: context), String(reflecting: context), dumped, "\(context.token)",
                     String(reflecting: context.token)] {
            #expect(!text.contains(Self.secret), "\(text)")
        }
        #expect("\(context)" == "octo-org/profiles#3 via https://api.github.com")
        #expect(context.token.redact("echo \(Self.secret)!") == "echo ***!")
    }

    @Test func linkHeadersYieldTheNextPage() {
        let header = #"<https://api.github.com/repositories/1/issues/7/comments?per_page=100&page=2>; rel="next", <https://api.github.com/repositories/1/issues/7/comments?per_page=100&page=5>; rel="last""#
        #expect(LinkHeader.url(in: header, relation: "next")?.absoluteString == "https://api.github.com/repositories/1/issues/7/comments?per_page=100&page=2")
        #expect(LinkHeader.url(in: header, relation: "last")?.query == "per_page=100&page=5")
        #expect(LinkHeader.url(in: #"<https://a/x?page=1>; rel="prev first""#, relation: "next") == nil)
        #expect(LinkHeader.url(in: #"<https://a/x?page=1>; rel="prev first""#, relation: "first")?.absoluteString == "https://a/x?page=1")
        #expect(LinkHeader.url(in: nil, relation: "next") == nil)
    }
}
