import LocatedDocument
import ProfileLoading
import ProfileModel

/// `validate --format json`: a stable document (fixed key order, files sorted) for tools.
///
/// `{"files":[{"file":…,"valid":…,"errors":[{"pointer","line","column","keyword","message"[,"hint"]}]}],
/// "summary":{"valid":N,"invalid":N}}`
public enum ValidationJSONReporter {
    public static func render(_ results: [FileCheckResult]) -> String {
        let files = results.map { result in
            JSONValue.object([
                ("file", .string(result.file)),
                ("valid", .bool(result.isValid)),
                ("errors", .array(result.diagnostics.map(error))),
            ])
        }
        let document = JSONValue.object([
            ("files", .array(files)),
            ("summary", .object([("valid", .int(results.validCount)), ("invalid", .int(results.invalidCount))])),
        ])
        return document.prettySerialized() + "\n"
    }

    static func error(_ diagnostic: Diagnostic) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("pointer", .string(diagnostic.pointer?.description ?? "")),
            ("line", .int(diagnostic.location.line)),
            ("column", .int(diagnostic.location.column)),
            ("keyword", .string(diagnostic.code)),
            ("message", .string(diagnostic.message)),
        ]
        if let hint = diagnostic.hint { members.append(("hint", .string(hint))) }
        return .object(members)
    }
}
