import ArgumentParser
import Foundation
import GitHubIntegration

/// `--github-comment` and `--github-api-url`, for the commands that can post their Markdown summary
/// as one sticky pull request comment.
struct GitHubCommentOptions: ParsableArguments {
    @Flag(
        name: .long,
        help: "Post the Markdown summary as one pull request comment, updated in place on every run (needs GITHUB_TOKEN, GITHUB_REPOSITORY and GITHUB_EVENT_PATH, as GitHub Actions sets them; the token needs pull-requests: write)."
    )
    var githubComment = false

    @Option(
        name: .customLong("github-api-url"),
        help: ArgumentHelp("REST API root for GitHub Enterprise Server, e.g. https://github.example.com/api/v3 (default: GITHUB_API_URL, else https://api.github.com).", valueName: "url")
    )
    var githubAPIURL: String?

    /// Posts when `--github-comment` is given and prints what happened to standard error. Failing to
    /// post never changes the verdict: the outcome is returned for the caller to report.
    @discardableResult
    func postIfRequested(
        markdown: String, marker: String = PullRequestCommentPoster.checkMarker,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> PullRequestCommentPoster.Outcome? {
        guard githubComment else { return nil }
        let outcome = PullRequestCommentPoster.post(markdown: markdown, environment: environment, apiURL: githubAPIURL, marker: marker)
        FileHandle.standardError.write(Data((outcome.message + "\n").utf8))
        return outcome
    }
}
