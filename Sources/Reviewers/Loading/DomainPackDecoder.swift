import LocatedDocument

/// Reads `Rubrics/domains/<id>.yaml` documents (already checked against `domain.schema.json`).
public enum DomainPackDecoder {
    public static func decode(_ document: DocumentNode, file: String) throws(RubricDataError) -> DomainPack {
        let reader = RubricReader(file: file)
        var entities: [DomainPack.Entity] = []
        for item in reader.optionalArray(document, "entities") {
            entities.append(DomainPack.Entity(
                name: try reader.string(item, "name"), vendor: try reader.string(item, "vendor"),
                kind: reader.optionalString(item, "kind") ?? "product", aliases: try reader.strings(item, "aliases", required: false)
            ))
        }
        var vendors: [DomainPack.Vendor] = []
        for item in reader.optionalArray(document, "vendors") {
            vendors.append(DomainPack.Vendor(name: try reader.string(item, "name"), aliases: try reader.strings(item, "aliases", required: false)))
        }
        let vendorNames = Set(vendors.map(\.name))
        for (index, entity) in entities.enumerated() where !vendorNames.contains(entity.vendor) {
            let node = reader.optionalArray(document, "entities")[index]
            throw reader.error(node, "entity \"\(entity.name)\" names vendor \"\(entity.vendor)\", which is not under vendors")
        }
        var siblings: [DomainPack.Sibling] = []
        for item in reader.optionalArray(document, "siblings") {
            siblings.append(DomainPack.Sibling(focus: try reader.string(item, "focus"), exclusiveTerms: try reader.strings(item, "exclusive_terms")))
        }
        var topics: [DomainPack.Topic] = []
        for item in reader.optionalArray(document, "topics") {
            var requiredFrom: [String: String] = [:]
            for member in item["required_from"]?.objectValue ?? [] {
                guard let code = member.value.stringValue else { throw reader.error(member.value, "expected a level code") }
                requiredFrom[member.key] = code
            }
            topics.append(DomainPack.Topic(
                id: try reader.string(item, "id"), name: try reader.string(item, "name"), terms: try reader.strings(item, "terms"),
                requiredFrom: requiredFrom
            ))
        }
        return DomainPack(
            id: try reader.string(document, "id"), name: try reader.string(document, "name"),
            vocabulary: try reader.strings(document, "vocabulary"),
            concreteTerms: try reader.strings(document, "concrete_terms", required: false),
            entities: entities, vendors: vendors, siblings: siblings, topics: topics
        )
    }
}
