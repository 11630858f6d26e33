import LocatedDocument
import ProfileModel

/// Reads `Rubrics/lexicons/<id>.yaml` documents (already checked against `lexicon.schema.json`).
public enum LexiconDecoder {
    public static func decode(_ document: DocumentNode, file: String) throws(RubricDataError) -> Lexicon {
        let reader = RubricReader(file: file)
        let id = try reader.string(document, "id")
        var entries: [Lexicon.Entry] = []
        for item in try reader.array(document, "entries") {
            if let term = item.stringValue {
                entries.append(Lexicon.Entry(term: term))
            } else {
                entries.append(Lexicon.Entry(
                    term: try reader.string(item, "term"), severity: try reader.severity(item, "severity"),
                    suggestion: reader.optionalString(item, "suggestion")
                ))
            }
        }
        return Lexicon(id: id, entries: entries)
    }

    public static func decodeRanked(_ document: DocumentNode, file: String) throws(RubricDataError) -> RankedLexicon {
        let reader = RubricReader(file: file)
        var ranks: [RankedLexicon.Rank] = []
        for item in try reader.array(document, "ranks") {
            guard let rank = item["rank"]?.intValue else { throw reader.error(item, "expected an integer \"rank\"") }
            ranks.append(RankedLexicon.Rank(rank: rank, name: try reader.string(item, "name"), terms: try reader.strings(item, "terms")))
        }
        return RankedLexicon(id: try reader.string(document, "id"), ranks: ranks)
    }
}
