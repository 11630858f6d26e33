import Foundation
import LocatedDocument
import Panel
import ProfileLoading
import ProfileModel

/// The project's real rubric and a small mutation helper for degraded variants of bundled profiles.
enum PanelTestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let today = "2026-11-24"

    static let rubric: ReviewRubric = {
        do {
            return try ReviewRubric.load(from: packageRoot.appendingPathComponent("Rubrics").path, today: today)
        } catch {
            fatalError("Rubrics/ does not load: \(error)")
        }
    }()

    static let engine = ReviewEngine(rubric: rubric)

    static func document(_ relativePath: String) throws -> DocumentNode {
        let bytes = try [UInt8](Data(contentsOf: packageRoot.appendingPathComponent(relativePath)))
        return try YAMLReader.read(bytes)
    }

    static func profile(_ document: DocumentNode, file: String = "Profiles/mutated.yaml") throws -> Profile {
        switch ProfileDecoder.decode(document, file: file) {
        case .success(let profile): return profile
        case .failure(let failure): throw failure
        }
    }

    static func review(_ document: DocumentNode) throws -> [LevelReview] {
        engine.review(try profile(document))
    }
}

/// Edits a parsed profile in place, by key path, for degradation tests.
extension DocumentNode {
    mutating func update(_ path: [JSONPointer.Token], _ change: (inout DocumentNode) -> Void) {
        guard let first = path.first else {
            change(&self)
            return
        }
        let rest = Array(path.dropFirst())
        switch (first, value) {
        case (.key(let key), .object(var members)):
            guard let index = members.firstIndex(where: { $0.key == key }) else { return }
            members[index].value.update(rest, change)
            value = .object(members)
        case (.index(let index), .array(var items)) where items.indices.contains(index):
            items[index].update(rest, change)
            value = .array(items)
        default:
            return
        }
    }

    mutating func set(_ path: [JSONPointer.Token], to newValue: DocumentNode.Value) {
        update(path) { $0.value = newValue }
    }

    /// Applies `transform` to every string in the subtree.
    mutating func mapStrings(_ transform: (String) -> String) {
        switch value {
        case .string(let text): value = .string(transform(text))
        case .array(var items):
            for index in items.indices { items[index].mapStrings(transform) }
            value = .array(items)
        case .object(var members):
            for index in members.indices { members[index].value.mapStrings(transform) }
            value = .object(members)
        default: return
        }
    }

    static func strings(_ texts: [String]) -> DocumentNode.Value {
        .array(texts.map { DocumentNode(.string($0)) })
    }
}

/// Foundation on Linux also has a `Dimension`; ours is the review dimension.
typealias Dimension = ProfileModel.Dimension
