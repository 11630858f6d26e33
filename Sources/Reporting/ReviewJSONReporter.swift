import LocatedDocument
import Panel
import ProfileLoading
import ProfileModel

/// `review --format json`: the full run in a stable shape (fixed key order, files and levels in
/// input order), byte-identical for the same input and rubric.
public enum ReviewJSONReporter {
    public static func render(_ run: ReviewRun) -> String {
        var profiles: [JSONValue] = []
        for file in run.files {
            if file.isInvalid {
                profiles.append(invalid(file))
            } else {
                profiles += file.levels.map(levelReview)
            }
        }
        let document = JSONValue.object([
            ("tool", .object([("name", .string(ToolInfo.name)), ("version", .string(ToolInfo.version))])),
            ("rubric", .object([
                ("id", .string(run.rubricID)), ("version", .string(run.rubricVersion)), ("sha256", .string(run.rubricSHA256)),
            ])),
            ("profiles", .array(profiles)),
            ("summary", .object([
                ("approved", .int(run.approvedCount)), ("rejected", .int(run.rejectedCount)), ("invalid", .int(run.invalidCount)),
            ])),
        ])
        return document.prettySerialized() + "\n"
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
