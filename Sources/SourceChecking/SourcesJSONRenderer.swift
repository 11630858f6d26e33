import LocatedDocument
import ProfileLoading

/// `sources --format json`, and the `Reports/sources.json` link-check record. Keys in a fixed
/// order, lists sorted, so the same input gives the same bytes.
public enum SourcesJSONRenderer {
    public static func render(_ inventory: SourceInventory, links: [LinkCheckResult]? = nil) -> String {
        let problems = SourceProblem.sorted(inventory.problems + (links.map(inventory.linkProblems) ?? []))
        var members: [(String, JSONValue)] = [
            ("tool", tool),
            ("today", .string(inventory.today)),
            ("profiles", .array(inventory.profiles.map(profile))),
            ("problems", .array(problems.map(problem))),
        ]
        if let links { members.append(("links", .array(links.map { link($0, inventory: inventory) }))) }
        members.append(("summary", .object([
            ("profiles", .int(inventory.profiles.count)),
            ("sources", .int(inventory.profiles.reduce(0) { $0 + $1.sources.count })),
            ("distinct_urls", .int(inventory.distinctURLs.count)),
            ("problems", .int(problems.count)),
        ])))
        return JSONValue.object(members).prettySerialized() + "\n"
    }

    /// `Reports/sources.json`: the options the check ran with and one entry per distinct URL.
    public static func renderCheckRecord(_ links: [LinkCheckResult], inventory: SourceInventory, options: SourceCheckOptions) -> String {
        JSONValue.object([
            ("tool", tool),
            ("options", .object([
                ("allow_private", .bool(options.allowPrivate)),
                ("timeout_seconds", .double(options.timeout)),
                ("max_redirects", .int(options.maxRedirects)),
                ("max_body_bytes", .int(options.maxBodyBytes)),
                ("first_method", .string(options.alwaysGet ? "GET" : "HEAD")),
            ])),
            ("sources", .array(links.sorted { $0.url < $1.url }.map { link($0, inventory: inventory) })),
        ]).prettySerialized() + "\n"
    }

    private static let tool = JSONValue.object([("name", .string(ToolInfo.name)), ("version", .string(ToolInfo.version))])

    private static func profile(_ profile: ProfileSources) -> JSONValue {
        .object([
            ("file", .string(profile.file)),
            ("id", .string(profile.id)),
            ("sources", .array(profile.sources.map { source in
                .object([
                    ("id", .string(source.id.value)),
                    ("url", .string(source.url.value)),
                    ("retrieved", .string(source.retrieved.value)),
                    ("supports", .array(source.supports.map { .string($0.value.rawValue) })),
                    ("line", .int(source.location.line)),
                    ("column", .int(source.location.column)),
                ])
            })),
            ("layers", .array(profile.layers.map { backing in
                .object([
                    ("layer", .string(backing.layer.rawValue)),
                    ("used", .bool(backing.used)),
                    ("sources", .array(backing.sourceIDs.map(JSONValue.string))),
                ])
            })),
        ])
    }

    private static func problem(_ problem: SourceProblem) -> JSONValue {
        .object([
            ("file", .string(problem.file)),
            ("line", .int(problem.location.line)),
            ("column", .int(problem.location.column)),
            ("kind", .string(problem.kind.rawValue)),
            ("message", .string(problem.message)),
        ])
    }

    static func link(_ result: LinkCheckResult, inventory: SourceInventory) -> JSONValue {
        let citations = (inventory.citations[result.url] ?? [])
            .map { (file: $0.file, id: $0.source.id.value) }
            .sorted { ($0.file, $0.id) < ($1.file, $1.id) }
        return .object([
            ("url", .string(result.url)),
            ("outcome", .string(result.outcome.rawValue)),
            ("status", result.status.map(JSONValue.int) ?? .null),
            ("final_url", result.finalURL.map(JSONValue.string) ?? .null),
            ("content_type", result.contentType.map(JSONValue.string) ?? .null),
            ("method", result.method.map(JSONValue.string) ?? .null),
            ("redirects", .array(result.redirects.map(JSONValue.string))),
            ("bytes_read", .int(result.bytesRead)),
            ("truncated", .bool(result.truncated)),
            ("sha256", result.sha256.map(JSONValue.string) ?? .null),
            ("retrieved_at", .string(result.retrievedAt)),
            ("error", result.error.map(JSONValue.string) ?? .null),
            ("cited_by", .array(citations.map { .object([("file", .string($0.file)), ("source", .string($0.id))]) })),
        ])
    }
}
