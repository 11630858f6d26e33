import LocatedDocument
import Panel
import ProfileLoading
import ProfileModel

/// `review --format json`: the full run in a stable shape (fixed key order, files and levels in
/// input order), byte-identical for the same input and rubric. Every finding has a `waiver` (null, or
/// who accepted it, until when and why); `waivers` counts the waived findings and lists the waivers
/// no level profile of the run carries.
///
/// A sharded run (`--shard K/N`) adds a `shard` member that `review-profile merge` checks and drops, so
/// the merged document is byte-identical to the unsharded one. Besides the split it holds
/// `waiver_problems`: the run's waiver problems as the unsharded run over the corpus would judge them
/// (see `ReviewShard`), which merge combines into that run's `waivers.problems`.
public enum ReviewJSONReporter {
    public static func render(_ run: ReviewRun, shard: ReviewShard? = nil) -> String {
        var output: [UInt8] = []
        write(run, shard: shard) { (chunk: [UInt8]) throws(Never) in output += chunk }
        return String(decoding: output, as: UTF8.self)
    }

    /// The same text as `render`, handed to `emit` in chunks as it is made: the document is never
    /// held whole, and the profiles are rendered in parallel, a batch of files at a time.
    public static func write<Failure: Error>(
        _ run: ReviewRun, shard: ReviewShard? = nil, emit: ([UInt8]) throws(Failure) -> Void
    ) throws(Failure) {
        try withoutActuallyEscaping(emit) { (emit) throws(Failure) in try write(run, shard: shard, stream: PrettyJSONStream(emit: emit)) }
    }

    private static func write<Failure: Error>(_ run: ReviewRun, shard: ReviewShard?, stream: PrettyJSONStream<Failure>) throws(Failure) {
        var stream = stream
        try stream.member("tool", .object([("name", .string(ToolInfo.name)), ("version", .string(ToolInfo.version))]))
        try stream.member("rubric", .object([
            ("id", .string(run.rubricID)), ("version", .string(run.rubricVersion)), ("sha256", .string(run.rubricSHA256)),
        ]))
        if let shard { try stream.member("shard", shardMember(shard, run: run)) }
        try stream.beginArray("profiles")
        let batch = 256
        var start = 0
        while start < run.files.count {
            let files = Array(run.files[start..<min(start + batch, run.files.count)])
            let rendered = files.parallelMap { file -> [[UInt8]] in
                if file.isInvalid { return [PrettyJSONStream<Never>.render(element: invalid(file))] }
                return file.levels.map { review in
                    var writer = PrettyJSONWriter(depth: PrettyJSONStream<Never>.elementDepth, capacity: 1 << 14)
                    levelReview(review, into: &writer)
                    return writer.bytes
                }
            }
            for elements in rendered {
                for element in elements { try stream.renderedElement(element) }
            }
            start += batch
        }
        try stream.endArray()
        try stream.member("waivers", .object([
            ("waived_findings", .int(run.waivedCount)),
            ("problems", .array(run.waiverProblems.map(waiverProblem))),
        ]))
        try stream.member("summary", .object([
            ("approved", .int(run.approvedCount)), ("rejected", .int(run.rejectedCount)), ("invalid", .int(run.invalidCount)),
        ]))
        try stream.finish()
    }

    static func shardMember(_ shard: ReviewShard, run: ReviewRun) -> JSONValue {
        let selection = shard.selection
        return .object([
            ("index", .int(selection.shard.index)),
            ("count", .int(selection.shard.count)),
            ("files", .int(selection.files.count)),
            ("corpus_files", .int(selection.corpusFileCount)),
            ("corpus_fingerprint", .string(selection.corpusFingerprint)),
            ("waiver_problems", .array(run.waiverProblems.map { waiverProblem($0.judged(by: shard.corpusCoverage)) })),
        ])
    }

    public static func levelReview(_ review: LevelReview) -> JSONValue {
        tree { levelReview(review, into: &$0) }
    }

    public static func finding(_ finding: Finding) -> JSONValue {
        tree { write(finding, into: &$0) }
    }

    public static func waiver(_ waiver: AppliedWaiver) -> JSONValue {
        tree { write(waiver, into: &$0) }
    }

    /// One level profile's review, as an element of `profiles`.
    public static func levelReview<Builder: JSONBuilder>(_ review: LevelReview, into json: inout Builder) {
        json.object { json in
            json.member("id", review.id)
            json.member("file", review.file)
            json.member("level", review.level)
            json.member("decision", review.decision.rawValue)
            json.member("scores") { json in
                json.object { json in
                    for dimension in Dimension.allCases { json.member(dimension.rawValue, review.scores[dimension] ?? 1) }
                }
            }
            json.member("min_score", review.minScore)
            json.member("gate_reasons") { $0.array(review.gateReasons) }
            json.member("content_sha256", review.contentSHA256)
            json.member("reviewers") { $0.array(review.reviewers) { json, report in write(report, into: &json) } }
            json.member("findings") { $0.array(review.findings) { json, finding in write(finding, into: &json) } }
        }
    }

    static func write<Builder: JSONBuilder>(_ report: ReviewerReport, into json: inout Builder) {
        json.object { json in
            json.member("id", report.id)
            json.member("dimension", report.dimension.rawValue)
            json.member("score", report.score)
            json.member("checks_run", report.checksRun)
            json.member("rules") { $0.array(report.rules) }
            json.member("findings") { $0.array(report.findings) { json, finding in write(finding, into: &json) } }
        }
    }

    static func write<Builder: JSONBuilder>(_ finding: Finding, into json: inout Builder) {
        json.object { json in
            json.member("rule", finding.rule)
            json.member("dimension", finding.dimension.rawValue)
            json.member("severity", finding.severity.rawValue)
            json.member("message", finding.message)
            json.member("file", finding.file)
            json.member("line", finding.location.line)
            json.member("column", finding.location.column)
            json.member("pointer", finding.pointer?.description ?? "")
            json.member("evidence", finding.evidence)
            json.member("suggestion", finding.suggestion)
            json.key("waiver")
            if let waiver = finding.waiver { write(waiver, into: &json) } else { json.null() }
        }
    }

    static func write<Builder: JSONBuilder>(_ waiver: AppliedWaiver, into json: inout Builder) {
        json.object { json in
            json.member("profile", waiver.scope)
            json.member("match", waiver.match)
            json.member("reason", waiver.reason)
            json.member("approved_by", waiver.approvedBy)
            json.member("expires", waiver.expires)
            json.member("file", waiver.file)
            json.member("line", waiver.location.line)
            json.member("column", waiver.location.column)
        }
    }

    /// The tree `body` builds.
    private static func tree(_ body: (inout JSONTreeBuilder) -> Void) -> JSONValue {
        var builder = JSONTreeBuilder()
        body(&builder)
        guard let value = builder.value else { preconditionFailure("an incomplete JSON value") }
        return value
    }

    static func waiverProblem(_ problem: WaiverProblem) -> JSONValue {
        let waiver = problem.waiver
        return .object([
            ("rule", .string(problem.rule.id)),
            ("kind", .string(problem.kind.rawValue)),
            ("fails_run", .bool(problem.failsRun)),
            ("message", .string(problem.message)),
            ("profile", .string(waiver.scope)),
            ("waived_rule", .string(waiver.rule)),
            ("file", .string(waiver.file)),
            ("line", .int(waiver.location.line)),
            ("column", .int(waiver.location.column)),
            ("pointer", .string(waiver.pointer.description)),
        ])
    }

    public static func invalid(_ file: FileReview) -> JSONValue {
        .object([
            ("id", file.profileID.map(JSONValue.string) ?? .null),
            ("file", .string(file.file)),
            ("level", .null),
            ("decision", .string(Decision.invalid.rawValue)),
            ("errors", .array(file.diagnostics.map(ValidationJSONReporter.error))),
        ])
    }
}
