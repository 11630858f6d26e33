import LocatedDocument
import ProfileModel

/// O*NET-SOC codes must exist in the shipped O*NET occupation data.
public struct UnknownClassificationCodeRule: ProfileWideRule {
    public init() {}

    public static let description = RuleDescription(
        id: "unknown_classification_code",
        name: "Classification codes exist",
        dimension: .factualAccuracy,
        defaultSeverity: .blocker,
        summary: """
            Every O*NET-SOC code must be an occupation in the shipped O*NET data; SOC-2018 and ISCO-08 codes are \
            recorded as not verified. Profile-wide, reported on every level.
            """,
        rationale: """
            A classification that does not exist ties the job to nothing: pay benchmarks, labour-market data and \
            compliance reporting built on it are fabricated. It is the clearest factual error a profile can carry.
            """,
        passingExamples: [
            RuleExample("""
                classifications:
                  - { system: O*NET-SOC, code: 51-1011.00, source: s1 }
                  - { system: SOC-2018, code: 51-1011, source: s1 }

                """, note: "Known O*NET code; the SOC code is only recorded as not verified."),
        ],
        failingExamples: [
            RuleExample("""
                classifications:
                  - { system: O*NET-SOC, code: 51-1011.00, source: s1 }
                  - { system: O*NET-SOC, code: 51-9999.07, source: s2 }

                """, note: "51-9999.07 is not an O*NET occupation."),
        ]
    )

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        let occupations = subject.knowledge.occupations
        var findings: [Finding] = []
        for (index, classification) in subject.profile.classifications.enumerated() {
            let code = classification.code.value
            let pointer = JSONPointer.root.appending("classifications", index).appending("code")
            guard RuleText.isONet(classification) else {
                findings.append(subject.finding(
                    "\(classification.system) code \(code) is not verified (only O*NET-SOC codes are checked)",
                    at: classification.code.location, pointer: pointer, evidence: "\(classification.system) \(code)",
                    severity: .info))
                continue
            }
            guard occupations[code] == nil else { continue }
            findings.append(subject.finding(
                "O*NET-SOC code \(code) is not an occupation in the O*NET data (\(occupations.count) occupations)"
                    + hint(for: code, in: occupations),
                at: classification.code.location, pointer: pointer, evidence: "\(classification.system) \(code)",
                suggestion: "Look the occupation up on O*NET OnLine and copy its exact code, e.g. 51-1011.00."))
        }
        return RuleOutcome(findings: findings, checksRun: subject.profile.classifications.count)
    }

    /// Names the base occupation when only the O*NET detail suffix is wrong.
    private func hint(for code: String, in occupations: OccupationCatalogue) -> String {
        guard let dot = code.firstIndex(of: "."), let base = occupations[String(code[..<dot]) + ".00"] else { return "" }
        return "; \(base.code) is \(base.title)"
    }
}
