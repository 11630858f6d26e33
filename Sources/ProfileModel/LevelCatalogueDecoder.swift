import LocatedDocument

/// Turns a schema-valid `Rubrics/levels.yaml` document into a `LevelCatalogue`, checking what a
/// schema cannot: unique track ids and level codes, and `years.min ≤ years.max`.
public enum LevelCatalogueDecoder {
    public static func decode(_ document: DocumentNode, file: String) -> Result<LevelCatalogue, DecodingFailure> {
        var context = DecodingContext(file: file)
        let root = JSONPointer.root
        let version = context.integer(document, "version", root)
        var tracks: [LevelCatalogue.Track] = []
        var seenTracks: Set<String> = []
        for (trackIndex, trackNode) in context.array(document, "tracks", root).enumerated() {
            let trackPointer = root.appending("tracks", trackIndex)
            guard let id = context.string(trackNode, "id", trackPointer),
                  let name = context.string(trackNode, "name", trackPointer) else { continue }
            if !seenTracks.insert(id.value).inserted {
                context.fail(trackNode, trackPointer.appending("id"), code: "duplicate_track", "track \"\(id.value)\" is defined twice")
            }
            var levels: [CatalogueLevel] = []
            var seenCodes: Set<String> = []
            for (levelIndex, levelNode) in context.array(trackNode, "levels", trackPointer).enumerated() {
                let levelPointer = trackPointer.appending("levels", levelIndex)
                guard let level = decodeLevel(levelNode, levelPointer, &context) else { continue }
                if !seenCodes.insert(level.code).inserted {
                    context.fail(levelNode, levelPointer.appending("code"), code: "duplicate_level", "level \"\(level.code)\" is defined twice in track \"\(id.value)\"")
                }
                levels.append(level)
            }
            let description = context.string(trackNode, "description", trackPointer, required: false)?.value
            tracks.append(LevelCatalogue.Track(id: id.value, name: name.value, description: description, levels: levels))
        }
        guard let version, context.diagnostics.isEmpty else {
            return .failure(DecodingFailure(diagnostics: context.diagnostics))
        }
        return .success(LevelCatalogue(version: version.value, tracks: tracks))
    }

    private static func decodeLevel(
        _ node: DocumentNode, _ pointer: JSONPointer, _ context: inout DecodingContext
    ) -> CatalogueLevel? {
        let optional = { (key: String, context: inout DecodingContext) in
            context.string(node, key, pointer, required: false)?.value
        }
        guard let code = context.string(node, "code", pointer),
              let name = context.string(node, "name", pointer),
              let summary = context.string(node, "summary", pointer),
              let scope = context.string(node, "scope", pointer),
              let yearsNode = context.object(node, "years", pointer),
              let minimum = context.integer(yearsNode, "min", pointer.appending("years")),
              let maximum = context.integer(yearsNode, "max", pointer.appending("years")) else { return nil }
        guard minimum.value <= maximum.value else {
            context.fail(yearsNode, pointer.appending("years"), code: "years_order", "years.min (\(minimum.value)) is greater than years.max (\(maximum.value))")
            return nil
        }
        return CatalogueLevel(
            code: code.value, name: name.value, summary: summary.value, scope: scope.value,
            autonomy: optional("autonomy", &context), complexity: optional("complexity", &context),
            impact: optional("impact", &context), decisionRights: optional("decision_rights", &context),
            leadership: optional("leadership", &context), years: minimum.value...maximum.value,
            scopeTerms: context.strings(node, "scope_terms", pointer).map(\.value),
            decisionVerbs: context.strings(node, "decision_verbs", pointer).map(\.value)
        )
    }
}
