import ProfileModel
import Reviewers
import Testing
import TextAnalysis

/// The near-duplicate threshold is calibrated on the bundled profiles; this keeps the margin
/// visible and fails when content or the similarity measure drifts towards the threshold.
@Suite("Rules A: calibration margin")
struct RulesACalibrationMargin {
    static func similarity(_ a: AnalyzedText, _ b: AnalyzedText) -> Double {
        max(TextSimilarity.jaccard(a.contentStems, b.contentStems), TextSimilarity.jaccard(a.shingles, b.shingles))
    }

    @Test func crossLevelBulletSimilarityOfGoodProfilesStaysWellBelowTheThreshold() throws {
        let parameter = try #require(NearDuplicateBulletsRule.description.parameters.first { $0.name == "threshold" })
        guard case .number(let threshold) = parameter.defaultValue else {
            Issue.record("threshold is not a number")
            return
        }
        var highest = 0.0
        for profile in BundledProfilesFixture.profiles {
            let analysis = ProfileAnalysis(profile: profile, knowledge: ReviewTestSupport.knowledge)
            for (index, level) in analysis.levels.enumerated() {
                for lower in analysis.levels[..<index] {
                    for bullet in level.bullets {
                        for other in lower.bullets { highest = max(highest, Self.similarity(bullet, other)) }
                    }
                }
            }
        }
        // Measured 0.29 when the threshold was set to 0.5.
        #expect(highest < threshold * 0.8, "highest cross-level similarity \(highest) vs threshold \(threshold)")
    }
}
