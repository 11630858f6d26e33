import LocatedDocument
import ProfileModel
import Reviewers

/// Reads a schema-checked `waivers.yaml` and checks what the schema cannot: every rule id is a panel
/// rule (waiver findings themselves cannot be waived), a level code exists in the level catalogue,
/// and no waiver repeats another.
enum WaiverDecoder {
    /// - Parameters:
    ///   - file: the path configuration errors name.
    ///   - displayFile: the path waiver findings name, as reports name files.
    static func decode(
        _ document: DocumentNode, file: String, displayFile: String, catalogue: LevelCatalogue
    ) throws(RubricDataError) -> WaiverSet {
        func fail(_ node: DocumentNode, _ message: String) -> RubricDataError {
            RubricDataError(file: file, location: node.location, message: message)
        }
        let levelCodes = Set(catalogue.tracks.flatMap { $0.levels.map(\.code) })
        var waivers: [Waiver] = []
        var seen: [String: SourceLocation] = [:]
        for (index, item) in (document["waivers"]?.arrayValue ?? []).enumerated() {
            guard let profileNode = item["profile"], let profile = profileNode.stringValue,
                  let ruleNode = item["rule"], let ruleID = ruleNode.stringValue,
                  let reason = item["reason"]?.stringValue, let approvedBy = item["approved_by"]?.stringValue,
                  let expires = item["expires"]?.stringValue else {
                throw fail(item, "a waiver needs profile, rule, reason, approved_by and expires")
            }
            let parts = profile.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 || parts.count == 3 else {
                throw fail(profileNode, "\"\(profile)\" is neither a profile id (FUNCTION.FOCUS) nor a level profile id (FUNCTION.FOCUS.LEVEL)")
            }
            let levelCode = parts.count == 3 ? parts[2] : nil
            if let levelCode, !levelCodes.contains(levelCode) {
                throw fail(profileNode, "level \"\(levelCode)\" is not in the level catalogue (\(levelCodes.sorted().joined(separator: ", ")))")
            }
            guard let rule = RuleRegistry.rule(id: ruleID) else {
                if WaiverRule.rule(id: ruleID) != nil {
                    throw fail(ruleNode, "\"\(ruleID)\" reports on waivers themselves and cannot be waived; fix or remove the waiver instead")
                }
                throw fail(ruleNode, "unknown rule \"\(ruleID)\"; see `review-profile explain --list`")
            }
            let match = item["match"]?.stringValue
            let waiver = Waiver(
                profileID: parts[0] + "." + parts[1], levelCode: levelCode, rule: ruleID, dimension: rule.description.dimension,
                match: match, reason: reason, approvedBy: approvedBy, expires: expires, file: displayFile,
                location: item.location, pointer: JSONPointer([.key("waivers"), .index(index)])
            )
            let key = [waiver.scope, ruleID, match ?? ""].joined(separator: "\u{0}")
            if let first = seen[key] {
                throw fail(item, "this waiver repeats the one at line \(first.line) (same profile, rule and match)")
            }
            seen[key] = item.location
            waivers.append(waiver)
        }
        return WaiverSet(waivers: waivers)
    }
}
