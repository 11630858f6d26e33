import LocatedDocument

/// Turns a schema-valid profile document into the typed model.
public enum ProfileDecoder {
    /// The profile, or the diagnostics explaining why the document does not have the profile's shape.
    public static func decode(_ document: DocumentNode, file: String) -> Result<Profile, DecodingFailure> {
        var context = DecodingContext(file: file)
        let root = JSONPointer.root
        let profile = decodeProfile(document, root, &context, file: file)
        if let profile, context.diagnostics.isEmpty {
            return .success(profile)
        }
        return .failure(DecodingFailure(diagnostics: context.diagnostics))
    }

    private static func decodeProfile(
        _ node: DocumentNode, _ pointer: JSONPointer, _ context: inout DecodingContext, file: String
    ) -> Profile? {
        guard node.objectValue != nil else {
            context.fail(node, pointer, code: "type", "expected a mapping of profile keys, found \(node.typeName)")
            return nil
        }
        let id = context.string(node, "id", pointer)
        let function = codedName(node, "function", pointer, &context)
        let focus = codedName(node, "focus", pointer, &context)
        let summary = context.string(node, "summary", pointer)
        let track = context.string(node, "track", pointer)
        let statusText = context.string(node, "status", pointer)
        let version = context.integer(node, "version", pointer)
        var status: Located<ProfileStatus>?
        if let statusText {
            if let parsed = ProfileStatus(rawValue: statusText.value) {
                status = Located(parsed, at: statusText.location)
            } else if let statusNode = node["status"] {
                context.fail(statusNode, pointer.appending("status"), code: "enum", "unknown status \"\(statusText.value)\"")
            }
        }
        let levels = context.array(node, "levels", pointer).enumerated().compactMap { index, item in
            decodeLevel(item, index: index, pointer.appending("levels", index), &context)
        }
        let skills = context.array(node, "skills", pointer).enumerated().compactMap { index, item -> Skill? in
            let itemPointer = pointer.appending("skills", index)
            guard let name = context.string(item, "name", itemPointer),
                  let description = context.string(item, "description", itemPointer) else { return nil }
            return Skill(name: name, description: description)
        }
        let classifications = context.array(node, "classifications", pointer, required: false).enumerated()
            .compactMap { index, item -> Classification? in
                let itemPointer = pointer.appending("classifications", index)
                guard let system = context.string(item, "system", itemPointer),
                      let code = context.string(item, "code", itemPointer) else { return nil }
                let source = context.string(item, "source", itemPointer, required: false)
                return Classification(system: system.value, code: code, source: source, location: item.location)
            }
        let sources = context.array(node, "sources", pointer).enumerated().compactMap { index, item in
            decodeSource(item, pointer.appending("sources", index), &context)
        }
        guard let id, let function, let focus, let summary, let track, let status, let version else { return nil }
        return Profile(
            file: file, id: id, function: function, focus: focus,
            domain: context.string(node, "domain", pointer, required: false),
            summary: summary,
            distinctFrom: context.strings(node, "distinct_from", pointer, required: false),
            track: track, status: status, version: version.value,
            scope: context.string(node, "scope", pointer, required: false)?.value,
            confidence: context.number(node, "confidence", pointer, required: false)?.value,
            levels: levels, skills: skills,
            aliases: context.strings(node, "aliases", pointer, required: false),
            classifications: classifications, sources: sources, document: node
        )
    }

    private static func codedName(
        _ node: DocumentNode, _ key: String, _ pointer: JSONPointer, _ context: inout DecodingContext
    ) -> CodedName? {
        guard let child = context.object(node, key, pointer) else { return nil }
        let childPointer = pointer.appending(key)
        guard let code = context.string(child, "code", childPointer),
              let name = context.string(child, "name", childPointer) else { return nil }
        return CodedName(code: code, name: name)
    }

    private static func decodeLevel(
        _ node: DocumentNode, index: Int, _ pointer: JSONPointer, _ context: inout DecodingContext
    ) -> Level? {
        let code = context.string(node, "code", pointer)
        let name = context.string(node, "name", pointer)
        let responsibilities = context.strings(node, "responsibilities", pointer)
        var years: ExperienceYears?
        if let yearsNode = context.object(node, "years", pointer, required: false),
           let minimum = context.integer(yearsNode, "min", pointer.appending("years")),
           let maximum = context.integer(yearsNode, "max", pointer.appending("years")) {
            years = ExperienceYears(min: minimum.value, max: maximum.value, location: yearsNode.location)
        }
        var pay: PayRange?
        if let payNode = context.object(node, "pay", pointer, required: false) {
            pay = decodePay(payNode, pointer.appending("pay"), &context)
        }
        var guidelines: LevelGuidelines?
        if let cells = context.object(node, "guidelines", pointer) {
            let cellsPointer = pointer.appending("guidelines")
            if let knowledge = context.string(cells, "knowledge", cellsPointer),
               let complexity = context.string(cells, "complexity", cellsPointer),
               let collaboration = context.string(cells, "collaboration", cellsPointer),
               let experience = context.string(cells, "experience", cellsPointer) {
                guidelines = LevelGuidelines(
                    knowledge: knowledge, complexity: complexity, collaboration: collaboration, experience: experience
                )
            }
        }
        guard let code, let name, let guidelines else { return nil }
        return Level(
            code: code, name: name, years: years, pay: pay, responsibilities: responsibilities,
            guidelines: guidelines, location: node.location, index: index
        )
    }

    private static func decodePay(_ node: DocumentNode, _ pointer: JSONPointer, _ context: inout DecodingContext) -> PayRange? {
        let currency = context.string(node, "currency", pointer)
        let low = context.number(node, "low", pointer)
        let median = context.number(node, "median", pointer)
        let high = context.number(node, "high", pointer)
        let periodText = context.string(node, "period", pointer, required: false)
        var period = PayRange.Period.annual
        if let periodText {
            guard let parsed = PayRange.Period(rawValue: periodText.value) else {
                context.fail(node, pointer.appending("period"), code: "enum", "unknown pay period \"\(periodText.value)\"")
                return nil
            }
            period = parsed
        }
        guard let currency, let low, let median, let high else { return nil }
        return PayRange(currency: currency.value, period: period, low: low, median: median, high: high, location: node.location)
    }

    private static func decodeSource(_ node: DocumentNode, _ pointer: JSONPointer, _ context: inout DecodingContext) -> Source? {
        let id = context.string(node, "id", pointer)
        let title = context.string(node, "title", pointer)
        let publisher = context.string(node, "publisher", pointer)
        let url = context.string(node, "url", pointer)
        let retrieved = context.string(node, "retrieved", pointer)
        var supports: [Located<ContentLayer>] = []
        for (index, layer) in context.strings(node, "supports", pointer).enumerated() {
            guard let parsed = ContentLayer(rawValue: layer.value) else {
                let layerNode = DocumentNode(.string(layer.value), at: layer.location)
                context.fail(layerNode, pointer.appending("supports", index), code: "enum", "unknown layer \"\(layer.value)\"")
                continue
            }
            supports.append(Located(parsed, at: layer.location))
        }
        guard let id, let title, let publisher, let url, let retrieved else { return nil }
        return Source(
            id: id, title: title, publisher: publisher, url: url, retrieved: retrieved, supports: supports,
            location: node.location
        )
    }
}

/// Why a document could not be decoded into the typed model.
public struct DecodingFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]
}
