import LocatedDocument
import Panel
import ProfileLoading
import ProfileModel
import Reviewers

/// `review --format sarif`: a SARIF 2.1.0 log for GitHub code scanning and other SARIF consumers.
///
/// One run; `tool.driver.rules` holds one reporting descriptor per rule id that has a result (sorted by
/// id), and `results` one result per blocker, major or minor finding (info findings record what was
/// checked and are left out) plus one per load error of an invalid file (rule id `load/<code>`).
/// Levels: blocker and major → `error`, minor → `warning`. Every result carries a relative artifact
/// URI, a region (line, column) and a `partialFingerprints` hash of rule, file and JSON pointer, so a
/// finding keeps its identity when lines move. A waived finding keeps its result and level and carries
/// a SARIF `suppressions` entry (kind `external`, status `accepted`, the reason as justification, the
/// waiver's entry in the waivers file as location, approver and expiry as properties), so code
/// scanning shows it as dismissed. Stale waivers that no level profile carries are `waiver_unmatched`
/// results at their entry. Keys are in a fixed order: the same run always gives byte-identical output.
public enum SARIFReporter {
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// The `partialFingerprints` key (versioned, so the hash recipe may change without collisions).
    public static let fingerprintKey = "reviewProfile/v1"
    /// Rule ids of load errors are this prefix and the diagnostic code.
    public static let loadRulePrefix = "load/"

    public static func render(_ run: ReviewRun) -> String {
        let items = resultItems(run)
        let ruleIDs = Array(Set(items.map(\.ruleID))).sorted()
        let ruleIndex = Dictionary(uniqueKeysWithValues: ruleIDs.enumerated().map { ($1, $0) })
        let driver = JSONValue.object([
            ("name", .string(ToolInfo.name)),
            ("version", .string(ToolInfo.version)),
            ("semanticVersion", .string(ToolInfo.version)),
            ("rules", .array(ruleIDs.map(descriptor))),
        ])
        let sarifRun = JSONValue.object([
            ("tool", .object([("driver", driver)])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(items.map { result($0, ruleIndex: ruleIndex[$0.ruleID] ?? 0) })),
            ("properties", .object([
                ("rubric", .object([
                    ("id", .string(run.rubricID)), ("version", .string(run.rubricVersion)), ("sha256", .string(run.rubricSHA256)),
                ])),
                ("summary", .object([
                    ("approved", .int(run.approvedCount)), ("rejected", .int(run.rejectedCount)), ("invalid", .int(run.invalidCount)),
                ])),
            ])),
        ])
        let log = JSONValue.object([
            ("$schema", .string(schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([sarifRun])),
        ])
        return log.prettySerialized() + "\n"
    }

    /// The SARIF level of a finding's severity (`info` → `note`, though info findings are not reported).
    public static func level(_ severity: Severity) -> String {
        switch severity {
        case .blocker, .major: return "error"
        case .minor: return "warning"
        case .info: return "note"
        }
    }

    /// A file path as a relative URI reference: every byte outside RFC 3986 unreserved characters
    /// and `/` is percent-encoded (backslashes become `/`).
    public static func uri(forPath path: String) -> String {
        var output = ""
        for byte in path.replacingOccurrences(of: "\\", with: "/").utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                output.append(Character(Unicode.Scalar(byte)))
            default:
                output += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return output
    }

    /// The stable identity of a result: SHA-256 of rule id, file and JSON pointer (or, without a
    /// pointer, the quoted evidence), NUL-separated.
    public static func fingerprint(rule: String, file: String, pointer: JSONPointer?, fallback: String) -> String {
        ContentHash.sha256([rule, file, pointer.map { "#" + $0.description } ?? "=" + fallback].joined(separator: "\u{0}"))
    }

    // MARK: - Results

    struct Item {
        var ruleID: String
        var level: String
        var message: String
        var file: String
        var location: SourceLocation
        var fingerprint: String
        var properties: [(String, JSONValue)]
        var waiver: AppliedWaiver?
    }

    static func resultItems(_ run: ReviewRun) -> [Item] {
        var items: [Item] = []
        for file in run.files {
            for diagnostic in Diagnostic.sortedForOutput(file.diagnostics) {
                var message = diagnostic.message
                if let hint = diagnostic.hint, !hint.isEmpty { message += "\nHint: \(hint)" }
                var properties: [(String, JSONValue)] = [("decision", .string(Decision.invalid.rawValue))]
                if let pointer = diagnostic.pointer { properties.append(("pointer", .string(pointer.description))) }
                items.append(Item(
                    ruleID: loadRulePrefix + diagnostic.code, level: "error", message: message, file: diagnostic.file,
                    location: diagnostic.location,
                    fingerprint: fingerprint(rule: loadRulePrefix + diagnostic.code, file: diagnostic.file, pointer: diagnostic.pointer,
                                             fallback: diagnostic.message),
                    properties: properties
                ))
            }
            for review in file.levels {
                for finding in Finding.sortedForOutput(review.findings) where finding.severity != .info {
                    var message = finding.message
                    if let suggestion = finding.suggestion, !suggestion.isEmpty { message += "\nFix: \(suggestion)" }
                    var properties: [(String, JSONValue)] = [
                        ("levelProfile", .string(review.id)),
                        ("decision", .string(review.decision.rawValue)),
                        ("severity", .string(finding.severity.rawValue)),
                        ("dimension", .string(finding.dimension.rawValue)),
                    ]
                    if let pointer = finding.pointer { properties.append(("pointer", .string(pointer.description))) }
                    properties.append(("evidence", .string(finding.evidence)))
                    items.append(Item(
                        ruleID: finding.rule, level: level(finding.severity), message: message, file: finding.file,
                        location: finding.location,
                        fingerprint: fingerprint(rule: finding.rule, file: finding.file, pointer: finding.pointer, fallback: finding.evidence),
                        properties: properties, waiver: finding.waiver
                    ))
                }
            }
        }
        for problem in run.failingWaiverProblems {
            let waiver = problem.waiver
            items.append(Item(
                ruleID: problem.rule.id, level: level(WaiverRule.severity), message: problem.message + "\nFix: \(problem.rule.fix)",
                file: waiver.file, location: waiver.location,
                fingerprint: fingerprint(rule: problem.rule.id, file: waiver.file, pointer: waiver.pointer, fallback: waiver.scope),
                properties: [
                    ("kind", .string(problem.kind.rawValue)), ("waivedRule", .string(waiver.rule)), ("profile", .string(waiver.scope)),
                    ("pointer", .string(waiver.pointer.description)),
                ]
            ))
        }
        return items
    }

    /// A result's `physicalLocation`: relative URI and start of the region.
    static func physicalLocation(file: String, location: SourceLocation) -> JSONValue {
        .object([
            ("artifactLocation", .object([("uri", .string(uri(forPath: file)))])),
            ("region", .object([
                ("startLine", .int(max(1, location.line))),
                ("startColumn", .int(max(1, location.column))),
            ])),
        ])
    }

    /// The SARIF `suppression` of a waived finding.
    static func suppression(_ waiver: AppliedWaiver) -> JSONValue {
        var properties: [(String, JSONValue)] = [
            ("approvedBy", .string(waiver.approvedBy)), ("expires", .string(waiver.expires)), ("profile", .string(waiver.scope)),
        ]
        if let match = waiver.match { properties.append(("match", .string(match))) }
        return .object([
            ("kind", .string("external")),
            ("status", .string("accepted")),
            ("justification", .string(waiver.reason)),
            ("location", .object([("physicalLocation", physicalLocation(file: waiver.file, location: waiver.location))])),
            ("properties", .object(properties)),
        ])
    }

    static func result(_ item: Item, ruleIndex: Int) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("ruleId", .string(item.ruleID)),
            ("ruleIndex", .int(ruleIndex)),
            ("level", .string(item.level)),
            ("message", .object([("text", .string(item.message))])),
            ("locations", .array([.object([("physicalLocation", physicalLocation(file: item.file, location: item.location))])])),
            ("partialFingerprints", .object([(fingerprintKey, .string(item.fingerprint))])),
        ]
        if let waiver = item.waiver { members.append(("suppressions", .array([suppression(waiver)]))) }
        members.append(("properties", .object(item.properties)))
        return .object(members)
    }

    // MARK: - Rules

    static func descriptor(_ id: String) -> JSONValue {
        if id.hasPrefix(loadRulePrefix) {
            let code = String(id.dropFirst(loadRulePrefix.count))
            return .object([
                ("id", .string(id)),
                ("name", .string("Load error: \(code)")),
                ("shortDescription", .object([("text", .string("The file could not be loaded: \(code)."))])),
                ("fullDescription", .object([("text", .string(
                    "The loader (YAML/JSON parsing, hostile-input limits, the profile JSON Schema and the level catalogue) "
                        + "rejected the file, so none of its level profiles can be reviewed."
                ))])),
                ("help", .object([("text", .string(
                    "Fix the problem at the reported line and column; `review-profile validate FILE` lists every load error of the file."
                ))])),
                ("defaultConfiguration", .object([("level", .string("error"))])),
            ])
        }
        if let waiverRule = WaiverRule.rule(id: id) {
            return .object([
                ("id", .string(id)),
                ("name", .string(waiverRule.name)),
                ("shortDescription", .object([("text", .string(waiverRule.summary))])),
                ("fullDescription", .object([("text", .string(waiverRule.summary + " " + waiverRule.rationale))])),
                ("help", .object([("text", .string(
                    waiverRule.rationale + "\n\nHow to fix: " + waiverRule.fix + " `review-profile explain \(id)` says more."
                ))])),
                ("defaultConfiguration", .object([("level", .string(level(WaiverRule.severity)))])),
                ("properties", .object([("defaultSeverity", .string(WaiverRule.severity.rawValue))])),
            ])
        }
        guard let description = RuleRegistry.rule(id: id)?.description else {
            return .object([
                ("id", .string(id)),
                ("name", .string(id)),
                ("shortDescription", .object([("text", .string(id))])),
                ("defaultConfiguration", .object([("level", .string("warning"))])),
            ])
        }
        let help = description.rationale
            + "\n\nHow to fix: change the profile so this check passes; each result's message says what to change, "
            + "and `review-profile explain \(id)` shows passing and failing examples."
        return .object([
            ("id", .string(id)),
            ("name", .string(description.name)),
            ("shortDescription", .object([("text", .string(description.summary))])),
            ("fullDescription", .object([("text", .string(description.summary + " " + description.rationale))])),
            ("help", .object([("text", .string(help))])),
            ("defaultConfiguration", .object([("level", .string(level(description.defaultSeverity)))])),
            ("properties", .object([
                ("dimension", .string(description.dimension.rawValue)),
                ("defaultSeverity", .string(description.defaultSeverity.rawValue)),
            ])),
        ])
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
