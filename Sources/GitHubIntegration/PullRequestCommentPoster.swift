/// The one call `review-profile check --github-comment` makes: post or update the sticky comment
/// and say what happened in one line. It never throws, so the check still prints its verdict.
public enum PullRequestCommentPoster {
    /// The hidden marker that identifies the check's comment on a pull request.
    public static let checkMarker = "<!-- review-profile:check -->"

    public struct Outcome: Sendable, Equatable {
        /// Nil when the comment could not be posted.
        public var comment: PublishedComment?
        /// One line for the log, e.g. `github-comment: updated comment 42 on o/r#7 (https://…)`.
        public var message: String

        public var succeeded: Bool { comment != nil }
    }

    /// - Parameters:
    ///   - markdown: the check's Markdown summary.
    ///   - environment: usually `ProcessInfo.processInfo.environment` (GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_EVENT_PATH, GITHUB_API_URL).
    ///   - apiURL: `--github-api-url`, for GitHub Enterprise Server.
    public static func post(
        markdown: String, environment: [String: String], apiURL: String? = nil, marker: String = checkMarker,
        timeout: Double = 30
    ) -> Outcome {
        do {
            let context = try PullRequestContext.fromEnvironment(environment, apiURL: apiURL)
            let comment = try StickyCommentPublisher(context: context, timeout: timeout).publish(body: markdown, marker: marker)
            let link = comment.htmlURL.isEmpty ? "" : " (\(comment.htmlURL))"
            return Outcome(comment: comment,
                           message: "github-comment: \(comment.action.rawValue) comment \(comment.id) on \(context.repository)#\(context.number)\(link)")
        } catch {
            return Outcome(comment: nil, message: "github-comment: not posted: \(error.message)")
        }
    }
}
