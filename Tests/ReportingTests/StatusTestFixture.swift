import Foundation
import LocatedDocument
import Panel
import ProfileModel
import Provenance
import Reporting

/// A small hand-made corpus for the status reporters: an approved, a stale-and-rejected and a
/// hostile level profile, one level profile without a status, and a file that did not load.
enum StatusTestFixture {
    static let script = "<script>alert(1)</script>"
    static let image = #""><img src=x onerror=alert(1)>"#
    static let formula = #"=HYPERLINK("https://evil.example/steal","click me")"#

    static func scores(_ values: [Double]) -> [ProfileModel.Dimension: Double] {
        Dictionary(uniqueKeysWithValues: zip(ProfileModel.Dimension.allCases, values))
    }

    static func finding(
        _ rule: String, _ dimension: ProfileModel.Dimension, _ severity: Severity, line: Int, file: String,
        message: String, evidence: String
    ) -> Finding {
        Finding(rule: rule, dimension: dimension, severity: severity, message: message, file: file,
                location: SourceLocation(line: line, column: 5), evidence: evidence)
    }

    static let alpha = "Profiles/alpha/warehouse-receiving.yaml"
    static let hostileFile = "Profiles/hostile/\(image).yaml"

    static var run: ReviewRun {
        let approved = LevelReview(
            id: "WAREHO1.WAREHOUSE01A1.P1", file: alpha, level: "P1", decision: .approved,
            scores: scores([5, 4.5, 5, 5, 4]), minScore: 4, contentSHA256: String(repeating: "a", count: 64),
            findings: [
                finding("vague_bullet", .concreteness, .minor, line: 40, file: alpha,
                        message: "bullet names no object, tool or measure", evidence: "Supports the team"),
                finding("scope_escalation", .levelDifferentiation, .info, line: 12, file: alpha,
                        message: "scope words rise level by level", evidence: "team"),
            ],
            gateReasons: []
        )
        let rejected = LevelReview(
            id: "WAREHO1.WAREHOUSE01A1.P2", file: alpha, level: "P2", decision: .rejected,
            scores: scores([4, 3, 4.5, 2.5, 4]), minScore: 2.5, contentSHA256: String(repeating: "b", count: 64),
            findings: [
                finding("unknown_classification_code", .factualAccuracy, .blocker, line: 171, file: alpha,
                        message: "O*NET-SOC code 53-9999.00 is not an occupation", evidence: "O*NET-SOC 53-9999.00"),
                finding("vague_bullet", .concreteness, .minor, line: 52, file: alpha,
                        message: "bullet names no object, tool or measure", evidence: "Helps with & handles <stuff>"),
                finding("generic_boilerplate", .focusSpecificity, .major, line: 60, file: alpha,
                        message: "boilerplate any role could claim", evidence: "team player"),
            ],
            gateReasons: ["1 blocking finding (unknown_classification_code)", "factual_accuracy 2.5 is below the minimum 4.0"]
        )
        let hostile = LevelReview(
            id: "HOSTIL1.\(script).P1", file: hostileFile, level: "P1", decision: .rejected,
            scores: scores([1, 1.5, 2, 3.5, 5]), minScore: 1, contentSHA256: String(repeating: "c", count: 64),
            findings: [
                finding("generic_boilerplate", .focusSpecificity, .major, line: 7, file: hostileFile,
                        message: "focus \(script) is boilerplate", evidence: image),
                finding("vague_bullet", .concreteness, .minor, line: 9, file: hostileFile,
                        message: "bullet 'quoted' \"text\"", evidence: formula),
            ],
            gateReasons: [formula]
        )
        let unlisted = LevelReview(
            id: "WAREHO1.WAREHOUSE01A1.P3", file: alpha, level: "P3", decision: .approved,
            scores: scores([4.5, 4.5, 4.5, 4.5, 4.5]), minScore: 4.5, contentSHA256: String(repeating: "d", count: 64),
            findings: [], gateReasons: []
        )
        let broken = Diagnostic(
            file: "Profiles/broken/tabs.yaml", location: SourceLocation(line: 4, column: 1), code: "tab_indentation",
            message: "found a tab character \(script)"
        )
        return ReviewRun(rubricID: "default-panel", rubricVersion: "1.0.0", rubricSHA256: String(repeating: "e", count: 64), files: [
            FileReview(file: alpha, profileID: "WAREHO1.WAREHOUSE01A1", levels: [approved, rejected, unlisted], diagnostics: []),
            FileReview(file: "Profiles/broken/tabs.yaml", profileID: nil, levels: [], diagnostics: [broken]),
            FileReview(file: hostileFile, profileID: "HOSTIL1.\(script)", levels: [hostile], diagnostics: []),
        ])
    }

    static let approvals = [
        ApprovalStatus(levelProfileID: "WAREHO1.WAREHOUSE01A1.P1", file: alpha, state: .approved,
                       lastApprovedAt: "2026-05-02T09:30:00Z", rubricVersion: "1.0.0"),
        ApprovalStatus(levelProfileID: "WAREHO1.WAREHOUSE01A1.P2", file: alpha, state: .stale,
                       reasons: ["content changed since the 2026-05-02T09:30:00Z approval"],
                       lastApprovedAt: "2026-05-02T09:30:00Z", rubricVersion: "0.9.0"),
        ApprovalStatus(levelProfileID: "HOSTIL1.\(script).P1", file: hostileFile, state: .tampered,
                       reasons: ["signature does not verify", image]),
    ]

    static var report: StatusReport {
        StatusReport(run: run, approvals: approvals, sourceCounts: [alpha: 4, hostileFile: 1])
    }

    /// The stored expected output of a reporter.
    static func expected(_ name: String) throws -> String {
        try String(contentsOf: expectedURL(name), encoding: .utf8)
    }

    static func expectedURL(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Expected/\(name)")
    }

    /// Set UPDATE_EXPECTED=1 to rewrite the stored outputs (then read the diff before committing).
    static func check(_ output: String, against name: String) throws -> Bool {
        if ProcessInfo.processInfo.environment["UPDATE_EXPECTED"] == "1" {
            try output.write(to: expectedURL(name), atomically: true, encoding: .utf8)
        }
        return output == (try expected(name))
    }
}
