import ProfileModel
import Reviewers

/// The approval gate: a level profile is approved only when its provenance is complete (when the
/// policy requires it), no finding that is not waived has a blocking severity, and its weakest
/// dimension reaches the policy's minimum score.
public enum ApprovalGate {
    public static func decide(
        scores: [Dimension: Double], findings: [Finding], profile: Profile, gate: PanelPolicy.Gate
    ) -> (Decision, [String]) {
        decide(scores: scores, findings: findings, unsourcedLayers: ProvenanceCheck.unsourcedLayers(profile).map(\.rawValue), gate: gate)
    }

    /// The same decision from the provenance check's result (what the LOCAL stage keeps of the profile).
    public static func decide(
        scores: [Dimension: Double], findings: [Finding], unsourcedLayers missing: [String], gate: PanelPolicy.Gate
    ) -> (Decision, [String]) {
        var reasons: [String] = []
        if gate.requireCompleteProvenance, !missing.isEmpty {
            reasons.append("provenance incomplete: no source supports \(missing.joined(separator: ", "))")
        }
        let blocking = findings.filter { !$0.isWaived && gate.blockingSeverities.contains($0.severity) }
        if !blocking.isEmpty {
            let rules = Set(blocking.map(\.rule)).sorted().joined(separator: ", ")
            reasons.append("\(blocking.count) blocking finding\(blocking.count == 1 ? "" : "s") (\(rules))")
        }
        for dimension in Dimension.allCases {
            let score = scores[dimension] ?? 1
            if score < gate.minDimensionScore {
                reasons.append("\(dimension.rawValue) \(format(score)) is below the minimum \(format(gate.minDimensionScore))")
            }
        }
        return (reasons.isEmpty ? .approved : .rejected, reasons)
    }

    /// One decimal, as scores are printed everywhere ("4.5").
    public static func format(_ score: Double) -> String {
        let tenths = Int((score * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}
