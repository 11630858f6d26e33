import LocatedDocument

/// `type`, `enum` and `const`.
extension Evaluator {
    func checkType(_ allowed: TypeSet, _ instance: DocumentNode, _ collector: inout ViolationCollector?) -> Bool {
        let matches: Bool
        switch instance.value {
        case .null: matches = allowed.contains(.null)
        case .bool: matches = allowed.contains(.boolean)
        case .string: matches = allowed.contains(.string)
        case .array: matches = allowed.contains(.array)
        case .object: matches = allowed.contains(.object)
        case .integer: matches = allowed.contains(.number) || allowed.contains(.integer)
        case .number(let number):
            // JSON Schema: an integer is any number with a zero fractional part, so 1.0 is an integer.
            matches = allowed.contains(.number) || (allowed.contains(.integer) && number.isFinite && number == number.rounded())
        }
        if matches { return true }
        return reject(&collector, "type", at: instance.location, "expected \(allowed.spelledOut), found \(describe(instance))")
    }

    func checkEnum(_ options: [DocumentNode], _ instance: DocumentNode, _ collector: inout ViolationCollector?) -> Bool {
        for option in options where option.isJSONEqual(to: instance) { return true }
        return reject(&collector, "enum", at: instance.location, enumMessage(options, instance))
    }

    func checkConst(_ expected: DocumentNode, _ instance: DocumentNode, _ collector: inout ViolationCollector?) -> Bool {
        if expected.isJSONEqual(to: instance) { return true }
        return reject(&collector, "const", at: instance.location, "expected \(literal(expected)), found \(literal(instance))")
    }

    private func enumMessage(_ options: [DocumentNode], _ instance: DocumentNode) -> String {
        let shown = options.prefix(12).map(optionText).joined(separator: ", ") + (options.count > 12 ? ", … (\(options.count) in all)" : "")
        var message = "expected one of \(shown); found \(literal(instance))"
        if let text = instance.stringValue,
           let suggestion = closestMatch(to: text, in: options.compactMap(\.stringValue)) {
            message += " (did you mean \(quoted(suggestion))?)"
        }
        return message
    }
}
