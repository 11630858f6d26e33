import Foundation
import LocatedDocument

/// Converts the published level frameworks in Fixtures/real-ladders (a neutral JSON shape, see its
/// README) into profile format v1, so the loader and the panel are tested on text nobody here wrote.
/// The conversion adds only structure: level codes from the catalogue track, one source (the
/// framework itself), and guideline cells taken from the framework's own guideline entries.
enum RealLadderConverter {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/real-ladders")

    static var files: [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// The profile as JSON text, or nil when the framework has too little text for a profile.
    static func convert(_ url: URL, index: Int) throws -> String {
        let source = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
        let management = (source["track"] as? String) == "management"
        let prefix = management ? "M" : "P"
        let rawLevels = (source["levels"] as? [[String: Any]] ?? []).prefix(6)
        var levels: [JSONValue] = []
        for (rank, level) in rawLevels.enumerated() {
            let guidelineTexts = (level["guidelines"] as? [String: Any] ?? [:]).sorted { $0.key < $1.key }
                .compactMap { $0.value as? String }.filter { $0.count >= 10 && $0.count <= 1500 }
            var bullets = (level["responsibilities"] as? [String] ?? []).filter { $0.count >= 20 && $0.count <= 600 }
            for text in guidelineTexts where bullets.count < 3 && text.count >= 20 && text.count <= 600 { bullets.append(text) }
            while bullets.count < 3 { bullets.append("Meets the expectations the framework sets for level \(rank + 1).") }
            let cell = { (offset: Int) in
                guidelineTexts.isEmpty ? "Meets the framework's expectations for this level." : guidelineTexts[offset % guidelineTexts.count]
            }
            levels.append(.object([
                ("code", .string("\(prefix)\(rank + 1)")),
                ("name", .string(level["name"] as? String ?? "Level \(rank + 1)")),
                ("responsibilities", .array(bullets.prefix(12).map(JSONValue.string))),
                ("guidelines", .object([
                    ("knowledge", .string(cell(0))), ("complexity", .string(cell(1))),
                    ("collaboration", .string(cell(2))), ("experience", .string(cell(3))),
                ])),
            ]))
        }
        var skills: [JSONValue] = (source["skills"] as? [Any] ?? []).compactMap { item in
            let name = (item as? [String: Any])?["name"] as? String ?? item as? String
            guard let name, name.count >= 2, name.count <= 80 else { return nil }
            let description = ((item as? [String: Any])?["description"] as? String).flatMap { $0.count >= 10 && $0.count <= 400 ? $0 : nil }
                ?? "The framework's \(name) track."
            return .object([("name", .string(name)), ("description", .string(description))])
        }
        var filler = 1
        while skills.count < 5 {
            skills.append(.object([("name", .string("Framework skill \(filler)")), ("description", .string("A skill the framework leaves unnamed."))]))
            filler += 1
        }
        let family = source["role_family"] as? String ?? url.deletingPathExtension().lastPathComponent
        let profile = JSONValue.object([
            ("schema", .string("review-profile/v1")),
            ("id", .string("REAL\(index).LADDER\(index)")),
            ("function", .object([("code", .string("REAL\(index)")), ("name", .string(source["publisher"] as? String ?? "Publisher"))])),
            ("focus", .object([("code", .string("LADDER\(index)")), ("name", .string(String(family.prefix(160))))])),
            ("summary", .string("Converted from the published framework \(family) by \(source["publisher"] as? String ?? "its publisher"), for testing.")),
            ("track", .string(management ? "management" : "professional")),
            ("status", .string("draft")),
            ("version", .int(1)),
            ("levels", .array(levels)),
            ("skills", .array(Array(skills.prefix(30)))),
            ("sources", .array([.object([
                ("id", .string("framework")),
                ("title", .string(String(family.prefix(300)))),
                ("publisher", .string(source["publisher"] as? String ?? "Publisher")),
                ("url", .string(source["source_url"] as? String ?? "https://example.org")),
                ("retrieved", .string("2026-05-02")),
                ("supports", .array(["summary", "responsibilities", "guidelines", "skills"].map(JSONValue.string))),
            ])])),
        ])
        return profile.prettySerialized() + "\n"
    }
}
