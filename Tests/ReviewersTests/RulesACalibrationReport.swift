import Foundation
import ProfileModel
import Reviewers
import Testing

/// Prints what the calibrated thresholds were measured on (run with CALIBRATION=1).
@Suite("Rules A: calibration report")
struct RulesACalibrationReport {
    @Test func printFindingsOnBundledProfiles() {
        guard ProcessInfo.processInfo.environment["CALIBRATION"] != nil else { return }
        for rule in RuleRegistry.all {
            for profile in BundledProfilesFixture.profiles {
                for level in profile.levels {
                    let outcome = ReviewTestSupport.run(rule, on: profile, level: level.code.value)
                    for finding in outcome.findings where finding.severity != .info || ProcessInfo.processInfo.environment["CALIBRATION"] == "2" {
                        print("CAL \(rule.description.id) \(profile.id.value).\(level.code.value) [\(finding.severity)] \(finding.message) :: \(finding.evidence.prefix(160))")
                    }
                }
            }
        }
    }
}

import TextAnalysis

extension RulesACalibrationReport {
    static func similarity(_ a: AnalyzedText, _ b: AnalyzedText) -> Double {
        max(TextSimilarity.jaccard(a.contentStems, b.contentStems),
            TextSimilarity.jaccard(TextSimilarity.shingles(a.tokens, size: 2), TextSimilarity.shingles(b.tokens, size: 2)))
    }

    @Test func printCrossLevelSimilarity() {
        guard ProcessInfo.processInfo.environment["CALIBRATION"] != nil else { return }
        var overall = 0.0
        var overallGuideline: [String: Double] = [:]
        for profile in BundledProfilesFixture.profiles {
            let analysis = ProfileAnalysis(profile: profile, knowledge: ReviewTestSupport.knowledge)
            var best = (0.0, "", "")
            for (i, level) in analysis.levels.enumerated() {
                for lower in analysis.levels[..<i] {
                    for a in level.bullets {
                        for b in lower.bullets {
                            let s = Self.similarity(a, b)
                            if s > best.0 { best = (s, a.text, b.text) }
                        }
                    }
                    for (key, cell) in level.guidelines {
                        if let other = lower.guideline(key) {
                            overallGuideline[key] = max(overallGuideline[key] ?? 0, Self.similarity(cell, other))
                        }
                    }
                }
            }
            overall = max(overall, best.0)
            print("SIM \(profile.id.value) max bullet similarity \(best.0)\n  \(best.1.prefix(120))\n  \(best.2.prefix(120))")
        }
        print("SIM overall bullets \(overall) guidelines \(overallGuideline)")
    }
}

extension RulesACalibrationReport {
    @Test func printShares() {
        guard ProcessInfo.processInfo.environment["CALIBRATION"] != nil else { return }
        for profile in BundledProfilesFixture.profiles {
            var line = "SHARE \(profile.id.value)"
            for level in profile.levels {
                let n = level.responsibilities.count
                let concrete = n - ReviewTestSupport.run(LowConcreteShareRule.self, on: profile, level: level.code.value)
                    .findings.filter { $0.severity == .info }.count
                let vocab = n - ReviewTestSupport.run(LowDomainVocabularyRule.self, on: profile, level: level.code.value)
                    .findings.filter { $0.severity == .info }.count
                line += " \(level.code.value): concrete \(concrete)/\(n) vocab \(vocab)/\(n);"
            }
            print(line)
        }
    }
}
