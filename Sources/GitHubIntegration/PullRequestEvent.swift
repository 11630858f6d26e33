import Foundation
import LocatedDocument

/// The pull request number in a GitHub Actions event file (`GITHUB_EVENT_PATH`).
///
/// `pull_request` and `pull_request_target` events carry `pull_request.number` (and a top-level
/// `number`); `issue_comment` events on a pull request carry `issue.number` with an
/// `issue.pull_request` object, which plain issues lack.
public enum PullRequestEvent {
    /// Event payloads are capped by GitHub at 25 MB.
    static let limits = DocumentLimits(maxBytes: 32 << 20, maxDepth: 128, maxNodes: 10_000_000, maxAliases: 0)

    public static func pullRequestNumber(atPath path: String, eventName: String? = nil) throws(GitHubIntegrationError) -> Int {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GitHubIntegrationError(.configuration, "GITHUB_EVENT_PATH names \(path), which cannot be read")
        }
        let root: DocumentNode
        do {
            root = try JSONReader.read([UInt8](data), limits: limits)
        } catch {
            throw GitHubIntegrationError(.configuration, "GITHUB_EVENT_PATH file \(path) is not valid JSON: \(error)")
        }
        return try pullRequestNumber(in: root, path: path, eventName: eventName)
    }

    static func pullRequestNumber(in root: DocumentNode, path: String, eventName: String?) throws(GitHubIntegrationError) -> Int {
        let candidates: [(String, DocumentNode?)] = [
            ("pull_request.number", root["pull_request"]?["number"]),
            ("number", root["number"]),
            ("issue.number", root["issue"]?["pull_request"] == nil ? nil : root["issue"]?["number"]),
        ]
        for (field, node) in candidates {
            guard let node else { continue }
            guard let number = node.intValue, number > 0 else {
                throw GitHubIntegrationError(.configuration,
                    "GITHUB_EVENT_PATH file \(path): \(field) must be a positive whole number, found \(node.typeName)")
            }
            return number
        }
        let event = eventName.map { " (event \($0))" } ?? ""
        let plainIssue = root["issue"]?["number"] != nil
        throw GitHubIntegrationError(.configuration,
            "GITHUB_EVENT_PATH file \(path)\(event) names no pull request"
                + (plainIssue ? ": the comment is on an issue, not a pull request" : "")
                + "; --github-comment works in workflows triggered by pull_request, pull_request_target or issue_comment on a pull request")
    }
}
