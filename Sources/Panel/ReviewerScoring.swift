import ProfileModel

/// How findings become scores — the arithmetic behind every "why 3.5?".
///
/// A reviewer starts at 5 and loses the panel's penalty for each finding (blocker 4, major 1,
/// minor 0.5, info 0 by default); its score is 5 minus the whole points lost, never below 1. A
/// dimension's score is the mean of its reviewers' scores, floored to the half point: a skeptical
/// panel does not round up. A waived finding (`Finding.waiver`) costs nothing.
public enum ReviewerScoring {
    public static func penalty(of findings: [Finding], penalties: [Severity: Double]) -> Double {
        findings.reduce(0) { $0 + ($1.isWaived ? 0 : penalties[$1.severity] ?? 0) }
    }

    public static func reviewerScore(_ findings: [Finding], penalties: [Severity: Double]) -> Int {
        let lost = Int(penalty(of: findings, penalties: penalties).rounded(.down))
        return max(1, min(5, 5 - lost))
    }

    public static func dimensionScore(_ reviewerScores: [Int]) -> Double {
        dimensionScore(sum: reviewerScores.reduce(0, +), count: reviewerScores.count)
    }

    /// The dimension score of `count` reviewers whose scores add up to `sum` (1 when there are none).
    public static func dimensionScore(sum: Int, count: Int) -> Double {
        guard count > 0 else { return 1 }
        let mean = Double(sum) / Double(count)
        return (mean * 2).rounded(.down) / 2
    }
}
