import Foundation
import LocatedDocument
import Panel
import ProfileModel

/// A real review of a degraded bundled profile, for the CI reporters (SARIF, JUnit, GitHub).
enum CIReportTestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let rubric: ReviewRubric = {
        do {
            return try ReviewRubric.load(from: packageRoot.appendingPathComponent("Rubrics").path, today: "2026-11-24")
        } catch {
            fatalError("Rubrics/ does not load: \(error)")
        }
    }()

    static let degradedFile = "Profiles/clinical-nursing/registered-nurse-medical-surgical.yaml"

    /// The bundled nursing profile with its O*NET-SOC code replaced by one that is no occupation,
    /// reviewed by the real panel.
    static func degradedRun() throws -> ReviewRun {
        let text = try String(contentsOf: packageRoot.appendingPathComponent(degradedFile), encoding: .utf8)
        let degraded = text.replacingOccurrences(of: "code: 29-1141.00", with: "code: 53-9999.00")
        precondition(degraded != text, "the degradation no longer applies")
        let document = try YAMLReader.read(Array(degraded.utf8))
        let profile: Profile
        switch ProfileDecoder.decode(document, file: degradedFile) {
        case .success(let decoded): profile = decoded
        case .failure(let failure): throw failure
        }
        let levels = ReviewEngine(rubric: rubric).review(profile)
        return ReviewRun(rubric: rubric, files: [
            FileReview(file: degradedFile, profileID: profile.id.value, levels: levels, diagnostics: []),
        ])
    }
}
