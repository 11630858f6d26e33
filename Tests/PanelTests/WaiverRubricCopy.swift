import Foundation
import Panel
import ProfileLoading

/// A temporary copy of the project's Rubrics/ (as `<temporary project>/Rubrics`) with a
/// `waivers.yaml` of the test's choosing.
struct WaiverRubricCopy {
    let directory: URL

    init(waivers: String) throws {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("rp-waivers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        directory = project.appendingPathComponent("Rubrics")
        try FileManager.default.copyItem(at: PanelTestSupport.packageRoot.appendingPathComponent("Rubrics"), to: directory)
        try Data(("schema: review-profile/waivers/v1\n" + waivers).utf8).write(to: directory.appendingPathComponent("waivers.yaml"))
    }

    func load(today: String = PanelTestSupport.today) throws(ConfigurationError) -> ReviewRubric {
        try ReviewRubric.load(from: directory.path, today: today, workingDirectory: directory.deletingLastPathComponent().path)
    }

    /// The load error, or nil when the rubric loads.
    func loadError() -> ConfigurationErrorSummary? {
        do {
            _ = try load()
            return nil
        } catch {
            return ConfigurationErrorSummary(message: error.message, file: error.file, line: error.location?.line, column: error.location?.column)
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory.deletingLastPathComponent())
    }

    struct ConfigurationErrorSummary {
        var message: String
        var file: String?
        var line: Int?
        var column: Int?
    }
}
