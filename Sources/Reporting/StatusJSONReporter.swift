import LocatedDocument
import Panel
import ProfileLoading
import ProfileModel
import Provenance

/// `status.json`: the approval status of every level profile and the corpus summary, for machines.
/// Keys are in a fixed order and arrays in the report's order, so the same inputs give the same bytes.
public enum StatusJSONReporter {
    public static func render(_ report: StatusReport) -> String {
        let document = JSONValue.object([
            ("tool", .object([("name", .string(ToolInfo.name)), ("version", .string(ToolInfo.version))])),
            ("rubric", .object([
                ("id", .string(report.rubricID)), ("version", .string(report.rubricVersion)),
                ("sha256", .string(report.rubricSHA256)),
            ])),
            ("generated_at", report.generatedAt.map(JSONValue.string) ?? .null),
            ("summary", summary(report)),
            ("weakest_dimensions", .array(report.dimensions.map(dimension))),
            ("failing_rules", .array(report.failingRules.map(rule))),
            ("level_profiles", .array(report.levels.map(level))),
            ("invalid_files", .array(report.invalidFiles.map(invalid))),
        ])
        return document.prettySerialized() + "\n"
    }

    static func summary(_ report: StatusReport) -> JSONValue {
        .object([
            ("level_profiles", .int(report.levels.count)),
            ("files", .int(report.fileCount)),
            // Invalid counts files: a file that does not load has no level profiles to name.
            ("decisions", .object([Decision.approved, .rejected, .invalid].map { ($0.rawValue, .int(report.count($0))) })),
            ("approval_states", .object(ApprovalState.allCases.map { ($0.rawValue, .int(report.count($0))) })),
            ("waived_findings", .int(report.waivedCount)),
        ])
    }

    static func dimension(_ summary: StatusReport.DimensionSummary) -> JSONValue {
        .object([
            ("dimension", .string(summary.dimension.rawValue)),
            ("mean", .double(StatusText.roundedMean(summary.mean))),
            ("lowest", .double(summary.lowest)),
            ("distribution", .object(zip(StatusReport.DimensionSummary.buckets, summary.distribution).map {
                (StatusText.score($0), .int($1))
            })),
        ])
    }

    static func rule(_ count: StatusReport.RuleCount) -> JSONValue {
        .object([
            ("rule", .string(count.rule)),
            ("dimension", .string(count.dimension.rawValue)),
            ("findings", .int(count.findings)),
            ("level_profiles", .int(count.levelProfiles)),
            ("worst_severity", .string(count.worstSeverity.rawValue)),
        ])
    }

    static func level(_ level: StatusReport.LevelStatus) -> JSONValue {
        let review = level.review
        let approval = level.approval
        return .object([
            ("id", .string(review.id)),
            ("file", .string(review.file)),
            ("level", .string(review.level)),
            ("decision", .string(review.decision.rawValue)),
            ("scores", .object(Dimension.allCases.map { ($0.rawValue, .double(review.scores[$0] ?? 1)) })),
            ("min_score", .double(review.minScore)),
            ("gate_reasons", .array(review.gateReasons.map(JSONValue.string))),
            ("approval", .object([
                ("state", .string(approval.state.rawValue)),
                ("reasons", .array(approval.reasons.map(JSONValue.string))),
                ("last_approved_at", approval.lastApprovedAt.map(JSONValue.string) ?? .null),
                ("rubric_version", approval.rubricVersion.map(JSONValue.string) ?? .null),
            ])),
            ("sources", .int(level.sourcesCount)),
            ("findings", .object([
                ("blocker", .int(level.count(.blocker))),
                ("major", .int(level.count(.major))),
                ("minor", .int(level.count(.minor))),
                ("waived", .int(level.waived.count)),
                ("rules", .array(level.failingRules.map(JSONValue.string))),
            ])),
        ])
    }

    static func invalid(_ file: StatusReport.InvalidFile) -> JSONValue {
        .object([
            ("file", .string(file.file)),
            ("id", file.profileID.map(JSONValue.string) ?? .null),
            ("errors", .array(file.diagnostics.map(ValidationJSONReporter.error))),
        ])
    }
}
