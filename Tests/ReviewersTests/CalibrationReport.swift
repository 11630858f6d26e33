import Foundation
import ProfileModel
import Reviewers
import Testing

/// Prints what the calibrated thresholds were measured on (run with CALIBRATION=1).
@Suite("Calibration report")
struct CalibrationReport {
    @Test func printFindingsOnBundledProfiles() {
        guard ProcessInfo.processInfo.environment["CALIBRATION"] != nil else { return }
        for rule in RuleRegistry.all {
            for profile in BundledProfiles.all {
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
