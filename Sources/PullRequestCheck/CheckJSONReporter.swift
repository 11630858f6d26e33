import LocatedDocument
import Panel
import ProfileLoading
import ProfileModel
import Reporting

/// `check --json`: the whole check in a stable shape (fixed key order, sorted paths), byte-identical
/// for the same repository state. `profiles` has exactly the shape of `review --format json`.
public enum CheckJSONReporter {
    public static let schemaVersion = "review-profile/check/v1"

    public static func render(_ result: CheckResult) -> String {
        let run = result.run
        var profiles: [JSONValue] = []
        for file in run.files {
            profiles += file.isInvalid ? [ReviewJSONReporter.invalid(file)] : file.levels.map(ReviewJSONReporter.levelReview)
        }
        let document = JSONValue.object([
            ("schema", .string(schemaVersion)),
            ("tool", .object([("name", .string(ToolInfo.name)), ("version", .string(ToolInfo.version))])),
            ("verdict", .string(result.passed ? "pass" : "fail")),
            ("scope", scope(result.scope)),
            ("rubric", .object([
                ("id", .string(run.rubricID)), ("version", .string(run.rubricVersion)), ("sha256", .string(run.rubricSHA256)),
            ])),
            ("rubric_changed", .bool(result.changes.rubricChanged)),
            ("rubric_files_changed", .array(result.changes.rubricFiles.map(JSONValue.string))),
            ("waivers_changed", .bool(!result.changedWaiverFiles.isEmpty)),
            ("changed_files", .array(result.changes.changes.map(change))),
            ("removed_files", .array(result.changes.removed.map(JSONValue.string))),
            ("reviewed_files", .array(run.files.map { .string($0.file) })),
            ("impact", result.impact.map(impact) ?? .null),
            ("profiles", .array(profiles)),
            ("summary", .object([
                ("files", .int(run.files.count)), ("level_profiles", .int(run.levelReviews.count)),
                ("approved", .int(run.approvedCount)), ("rejected", .int(run.rejectedCount)), ("invalid", .int(run.invalidCount)),
                ("removed", .int(result.changes.removed.count)),
            ])),
        ])
        return document.prettySerialized() + "\n"
    }

    static func scope(_ scope: CheckScope) -> JSONValue {
        var members: [(String, JSONValue)] = [("mode", .string(scope.name))]
        switch scope {
        case .changedSince(let ref, let mergeBase, let workingTree):
            members += [("base", .string(ref)), ("merge_base", .string(mergeBase)), ("working_tree_included", .bool(workingTree))]
        case .givenPaths(let paths):
            members.append(("paths", .array(paths.map(JSONValue.string))))
        case .noRepository, .noBase:
            break
        }
        return .object(members)
    }

    static func change(_ change: PathChange) -> JSONValue {
        .object([
            ("status", .string(change.status.rawValue)),
            ("path", .string(change.path)),
            ("from", change.previousPath.map(JSONValue.string) ?? .null),
        ])
    }

    static func impact(_ impact: RubricImpact) -> JSONValue {
        guard let base = impact.baseRubric else {
            return .object([("available", .bool(false)), ("reason", .string(impact.unavailableReason ?? ""))])
        }
        return .object([
            ("available", .bool(true)),
            ("base_rubric", .object([("id", .string(base.id)), ("version", .string(base.version)), ("sha256", .string(base.sha256))])),
            ("compared", .int(impact.comparedCount)),
            ("approved_before", .int(impact.approvedBefore)),
            ("approved_after", .int(impact.approvedAfter)),
            ("mean_score_deltas", .object(Dimension.allCases.map { ($0.rawValue, .double(impact.meanDeltas[$0] ?? 0)) })),
            ("flips", .array(impact.flips.map(levelChange))),
            ("changes", .array(impact.changes.map(levelChange))),
        ])
    }

    static func levelChange(_ change: RubricImpact.LevelChange) -> JSONValue {
        func scores(_ values: [Dimension: Double]) -> JSONValue {
            values.isEmpty ? .null : .object(Dimension.allCases.map { ($0.rawValue, .double(values[$0] ?? 1)) })
        }
        return .object([
            ("id", .string(change.id)),
            ("file", .string(change.file)),
            ("before", .string(change.before.rawValue)),
            ("after", .string(change.after.rawValue)),
            ("scores_before", scores(change.scoresBefore)),
            ("scores_after", scores(change.scoresAfter)),
            ("deltas", .object(Dimension.allCases.map { ($0.rawValue, change.delta($0).map(JSONValue.double) ?? .null) })),
        ])
    }
}
