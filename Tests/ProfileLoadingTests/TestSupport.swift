import Foundation
import ProfileLoading

/// Paths and a shared rubric for the loader tests.
enum TestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The project's real rubric: the loader is tested against the contract it ships with.
    static let rubric: RubricSet = {
        do {
            return try RubricSet.load(from: packageRoot.appendingPathComponent("Rubrics").path)
        } catch {
            fatalError("the project's Rubrics/ does not load: \(error)")
        }
    }()

    static func fixture(_ name: String) -> String {
        fixtures.appendingPathComponent(name).path
    }

    /// A fresh temporary directory that is its own repository (it holds a `.git` folder).
    static func temporaryRepository() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rp-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent(".git"), withIntermediateDirectories: true)
        return directory
    }
}
