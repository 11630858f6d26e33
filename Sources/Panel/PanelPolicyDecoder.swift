import LocatedDocument
import ProfileModel
import Reviewers

/// Reads a schema-checked `panel.yaml` and checks what the schema cannot: every rule id exists and
/// sits on a reviewer of its own dimension exactly once, every registered rule is placed, and
/// parameter overrides name declared parameters with values of the declared kind.
enum PanelPolicyDecoder {
    static func decode(_ document: DocumentNode, file: String) throws(RubricDataError) -> PanelPolicy {
        func fail(_ node: DocumentNode, _ message: String) -> RubricDataError {
            RubricDataError(file: file, location: node.location, message: message)
        }
        guard let id = document["id"]?.stringValue, let version = document["version"]?.stringValue,
              let gateNode = document["gate"], let scoring = document["scoring"]?["penalties"],
              let dimensions = document["dimensions"] else {
            throw fail(document, "panel policy is missing id, version, gate, scoring or dimensions")
        }
        var blocking: Set<Severity> = []
        for item in gateNode["blocking_severities"]?.arrayValue ?? [] {
            guard let severity = item.stringValue.flatMap(Severity.init(rawValue:)) else { throw fail(item, "unknown severity") }
            blocking.insert(severity)
        }
        let gate = PanelPolicy.Gate(
            minDimensionScore: gateNode["min_dimension_score"]?.doubleValue ?? 4,
            requireCompleteProvenance: gateNode["require_complete_provenance"]?.boolValue ?? true,
            blockingSeverities: blocking
        )
        var penalties: [Severity: Double] = [:]
        for severity in Severity.allCases {
            penalties[severity] = scoring[severity.rawValue]?.doubleValue ?? 0
        }

        var reviewers: [PanelPolicy.Reviewer] = []
        var placed: [String: String] = [:]
        var reviewerIDs: Set<String> = []
        for dimension in Dimension.allCases {
            for reviewerNode in dimensions[dimension.rawValue]?["reviewers"]?.arrayValue ?? [] {
                let reviewerID = reviewerNode["id"]?.stringValue ?? ""
                guard reviewerIDs.insert(reviewerID).inserted else { throw fail(reviewerNode, "reviewer \"\(reviewerID)\" is defined twice") }
                var rules: [any ReviewRule.Type] = []
                for ruleNode in reviewerNode["rules"]?.arrayValue ?? [] {
                    let ruleID = ruleNode.stringValue ?? ""
                    guard let rule = RuleRegistry.rule(id: ruleID) else {
                        throw fail(ruleNode, "unknown rule \"\(ruleID)\"; see `review-profile explain --list`")
                    }
                    guard rule.description.dimension == dimension else {
                        throw fail(ruleNode, "rule \"\(ruleID)\" judges \(rule.description.dimension.rawValue), not \(dimension.rawValue)")
                    }
                    if let other = placed[ruleID] {
                        throw fail(ruleNode, "rule \"\(ruleID)\" already sits on reviewer \"\(other)\"")
                    }
                    placed[ruleID] = reviewerID
                    rules.append(rule)
                }
                reviewers.append(PanelPolicy.Reviewer(
                    id: reviewerID, name: reviewerNode["name"]?.stringValue ?? reviewerID,
                    evidence: reviewerNode["evidence"]?.stringValue ?? "", dimension: dimension, rules: rules
                ))
            }
        }
        if let missing = RuleRegistry.all.map({ $0.description.id }).first(where: { placed[$0] == nil }) {
            throw fail(dimensions, "rule \"\(missing)\" sits on no reviewer; every rule must be placed on its dimension's panel")
        }

        var settings: [String: PanelPolicy.RuleSettings] = [:]
        let ruleNodes = document["rules"]?.objectValue ?? []
        for member in ruleNodes where RuleRegistry.rule(id: member.key) == nil {
            throw RubricDataError(file: file, location: member.keyLocation, message: "settings for unknown rule \"\(member.key)\"")
        }
        for rule in RuleRegistry.all {
            let description = rule.description
            let node = ruleNodes.first { $0.key == description.id }?.value
            var overrides: [String: ParameterValue] = [:]
            for parameter in node?["parameters"]?.objectValue ?? [] {
                guard let declared = description.parameters.first(where: { $0.name == parameter.key }) else {
                    let known = description.parameters.map(\.name).joined(separator: ", ")
                    throw RubricDataError(file: file, location: parameter.keyLocation,
                                          message: "rule \"\(description.id)\" has no parameter \"\(parameter.key)\" (it has: \(known.isEmpty ? "none" : known))")
                }
                let value = try parameterValue(parameter.value, fail: fail)
                guard value.hasSameKind(as: declared.defaultValue) else {
                    throw fail(parameter.value, "parameter \"\(parameter.key)\" of rule \"\(description.id)\" expects a value like \(declared.defaultValue)")
                }
                overrides[parameter.key] = value
            }
            let severity = node?["severity"]?.stringValue.flatMap(Severity.init(rawValue:))
            settings[description.id] = PanelPolicy.RuleSettings(
                severity: severity, parameters: RuleParameters(declared: description.parameters, overrides: overrides)
            )
        }
        return PanelPolicy(id: id, version: version, gate: gate, penalties: penalties, reviewers: reviewers, ruleSettings: settings)
    }

    private static func parameterValue(
        _ node: DocumentNode, fail: (DocumentNode, String) -> RubricDataError
    ) throws(RubricDataError) -> ParameterValue {
        if let number = node.doubleValue { return .number(number) }
        if let text = node.stringValue { return .text(text) }
        if let items = node.arrayValue {
            var strings: [String] = []
            for item in items {
                guard let text = item.stringValue else { throw fail(item, "expected a string") }
                strings.append(text)
            }
            return .list(strings)
        }
        throw fail(node, "expected a number, a string or a list of strings")
    }
}
