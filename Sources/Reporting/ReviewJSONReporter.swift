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
                return file.levels.map { PrettyJSONStream<Never>.render(element: levelReview($0)) }
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
        .object([
            ("id", .string(review.id)),
            ("file", .string(review.file)),
            ("level", .string(review.level)),
            ("decision", .string(review.decision.rawValue)),
            ("scores", .object(Dimension.allCases.map { ($0.rawValue, .double(review.scores[$0] ?? 1)) })),
            ("min_score", .double(review.minScore)),
            ("gate_reasons", .array(review.gateReasons.map(JSONValue.string))),
            ("content_sha256", .string(review.contentSHA256)),
            ("reviewers", .array(review.reviewers.map(reviewer))),
            ("findings", .array(review.findings.map(finding))),
        ])
    }

    static func reviewer(_ report: ReviewerReport) -> JSONValue {
        .object([
            ("id", .string(report.id)),
            ("dimension", .string(report.dimension.rawValue)),
            ("score", .int(report.score)),
            ("checks_run", .int(report.checksRun)),
            ("rules", .array(report.rules.map(JSONValue.string))),
            ("findings", .array(report.findings.map(finding))),
        ])
    }

    public static func finding(_ finding: Finding) -> JSONValue {
        .object([
            ("rule", .string(finding.rule)),
            ("dimension", .string(finding.dimension.rawValue)),
            ("severity", .string(finding.severity.rawValue)),
            ("message", .string(finding.message)),
            ("file", .string(finding.file)),
            ("line", .int(finding.location.line)),
            ("column", .int(finding.location.column)),
            ("pointer", .string(finding.pointer?.description ?? "")),
            ("evidence", .string(finding.evidence)),
            ("suggestion", finding.suggestion.map(JSONValue.string) ?? .null),
            ("waiver", finding.waiver.map(waiver) ?? .null),
        ])
    }

    public static func waiver(_ waiver: AppliedWaiver) -> JSONValue {
        .object([
            ("profile", .string(waiver.scope)),
            ("match", waiver.match.map(JSONValue.string) ?? .null),
            ("reason", .string(waiver.reason)),
            ("approved_by", .string(waiver.approvedBy)),
            ("expires", .string(waiver.expires)),
            ("file", .string(waiver.file)),
            ("line", .int(waiver.location.line)),
            ("column", .int(waiver.location.column)),
        ])
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
