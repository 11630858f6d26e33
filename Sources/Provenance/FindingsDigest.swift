import LocatedDocument
import Panel
import ProfileModel

/// SHA-256 of the canonical JSON of a level profile's findings, so a record pins exactly what the
/// panel found without carrying it. Each finding is `{rule, dimension, severity, message, line,
/// column, pointer, evidence, suggestion}` (null when absent), in reading order. The file name is
/// left out: it is the record's own `file`, and a path relative to the working directory would make
/// the digest depend on where the tool ran.
public enum FindingsDigest {
    public static func of(_ findings: [Finding]) -> String {
        let value = JSONValue.array(findings.map { finding in
            .object([
                ("rule", .string(finding.rule)),
                ("dimension", .string(finding.dimension.rawValue)),
                ("severity", .string(finding.severity.rawValue)),
                ("message", .string(finding.message)),
                ("line", .int(finding.location.line)),
                ("column", .int(finding.location.column)),
                ("pointer", finding.pointer.map { .string($0.description) } ?? .null),
                ("evidence", .string(finding.evidence)),
                ("suggestion", finding.suggestion.map(JSONValue.string) ?? .null),
            ])
        })
        return ContentHash.sha256(RecordCanonicalForm.canonicalText(of: value))
    }
}
