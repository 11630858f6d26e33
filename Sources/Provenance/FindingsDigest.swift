import LocatedDocument
import Panel
import ProfileModel

/// SHA-256 of the canonical JSON of a level profile's findings, so a record pins exactly what the
/// panel found without carrying it. Each finding is `{rule, dimension, severity, message, line,
/// column, pointer, evidence, suggestion}` (null when absent), in reading order; a waived finding also
/// has `waiver` {profile, match, reason, approved_by, expires, line, column}, so approving under a
/// waiver pins it (findings without one digest as before waivers existed). File names are left out:
/// the profile's is the record's own `file`, and a path relative to the working directory would make
/// the digest depend on where the tool ran.
public enum FindingsDigest {
    public static func of(_ findings: [Finding]) -> String {
        let value = JSONValue.array(findings.map { finding -> JSONValue in
            var members: [(String, JSONValue)] = [
                ("rule", .string(finding.rule)),
                ("dimension", .string(finding.dimension.rawValue)),
                ("severity", .string(finding.severity.rawValue)),
                ("message", .string(finding.message)),
                ("line", .int(finding.location.line)),
                ("column", .int(finding.location.column)),
                ("pointer", finding.pointer.map { .string($0.description) } ?? .null),
                ("evidence", .string(finding.evidence)),
                ("suggestion", finding.suggestion.map(JSONValue.string) ?? .null),
            ]
            if let waiver = finding.waiver {
                members.append(("waiver", .object([
                    ("profile", .string(waiver.scope)), ("match", waiver.match.map(JSONValue.string) ?? .null),
                    ("reason", .string(waiver.reason)), ("approved_by", .string(waiver.approvedBy)),
                    ("expires", .string(waiver.expires)), ("line", .int(waiver.location.line)),
                    ("column", .int(waiver.location.column)),
                ])))
            }
            return .object(members)
        })
        return ContentHash.sha256(RecordCanonicalForm.canonicalText(of: value))
    }
}
