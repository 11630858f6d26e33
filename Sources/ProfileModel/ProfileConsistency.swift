import LocatedDocument

/// Checks that tie a profile to itself and to the level catalogue — what a JSON Schema cannot say.
/// A profile that fails any of these is not a valid profile (it does not load), so these are
/// errors, not review findings.
public enum ProfileConsistency {
    public static func check(_ profile: Profile, catalogue: LevelCatalogue) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func report(_ location: SourceLocation, _ pointer: JSONPointer, _ code: String, _ message: String, hint: String? = nil) {
            diagnostics.append(
                Diagnostic(file: profile.file, location: location, pointer: pointer, code: code, message: message, hint: hint)
            )
        }

        let expectedID = "\(profile.function.code.value).\(profile.focus.code.value)"
        if profile.id.value != expectedID {
            report(profile.id.location, .root.appending("id"), "id_mismatch",
                   "id \"\(profile.id.value)\" does not match function and focus codes",
                   hint: "use \"\(expectedID)\" (<function code>.<focus code>)")
        }
        checkLevels(profile, catalogue: catalogue, report: report)
        checkSources(profile, report: report)
        return diagnostics
    }

    private static func checkLevels(
        _ profile: Profile, catalogue: LevelCatalogue,
        report: (SourceLocation, JSONPointer, String, String, String?) -> Void
    ) {
        guard let track = catalogue.track(id: profile.track.value) else {
            let known = catalogue.tracks.map(\.id).joined(separator: ", ")
            report(profile.track.location, .root.appending("track"), "unknown_track",
                   "track \"\(profile.track.value)\" is not in the level catalogue", "use one of: \(known)")
            return
        }
        var seen: [String: Int] = [:]
        var previousRank: Int?
        for level in profile.levels {
            let pointer = JSONPointer.root.appending("levels", level.index)
            if let first = seen[level.code.value] {
                report(level.code.location, pointer.appending("code"), "duplicate_level",
                       "level \"\(level.code.value)\" appears twice (first at levels[\(first)])", nil)
                continue
            }
            seen[level.code.value] = level.index
            guard let rank = track.rank(of: level.code.value) else {
                let codes = track.levels.map(\.code).joined(separator: ", ")
                report(level.code.location, pointer.appending("code"), "unknown_level",
                       "level \"\(level.code.value)\" is not a level of track \"\(track.id)\"", "use one of: \(codes)")
                continue
            }
            if let previousRank, rank < previousRank {
                report(level.code.location, pointer.appending("code"), "level_order",
                       "level \"\(level.code.value)\" comes after a higher level", "order levels from lowest to highest")
            }
            previousRank = rank
            if let years = level.years, years.min > years.max {
                report(years.location, pointer.appending("years"), "years_order",
                       "years.min (\(years.min)) is greater than years.max (\(years.max))", nil)
            }
        }
    }

    private static func checkSources(_ profile: Profile, report: (SourceLocation, JSONPointer, String, String, String?) -> Void) {
        var ids: Set<String> = []
        for (index, source) in profile.sources.enumerated() where !ids.insert(source.id.value).inserted {
            report(source.id.location, .root.appending("sources", index).appending("id"), "duplicate_source",
                   "source id \"\(source.id.value)\" is used by more than one source", nil)
        }
        for (index, classification) in profile.classifications.enumerated() {
            guard let reference = classification.source, !ids.contains(reference.value) else { continue }
            let known = ids.sorted().joined(separator: ", ")
            report(reference.location, .root.appending("classifications", index).appending("source"),
                   "unknown_source", "classification cites source \"\(reference.value)\", which is not in sources",
                   known.isEmpty ? "add the source under sources" : "cite one of: \(known)")
        }
    }
}
