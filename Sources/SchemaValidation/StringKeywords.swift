import LocatedDocument

/// `minLength`, `maxLength`, `pattern` and `format`.
extension Evaluator {
    func checkString(_ keyword: Keyword, _ instance: DocumentNode, _ collector: inout ViolationCollector?) -> Bool {
        guard case .string(let text) = instance.value else { return true }
        switch keyword {
        case .minLength(let minimum):
            // Lengths count Unicode scalars (code points), as JSON Schema defines them. A scalar is
            // 1 to 4 UTF-8 bytes, so the byte count (O(1)) settles most checks without counting.
            if (text.utf8.count + 3) / 4 >= minimum { return true }
            let length = text.unicodeScalars.count
            if length >= minimum { return true }
            return reject(&collector, "minLength", at: instance.location,
                         "expected at least \(minimum) character\(minimum == 1 ? "" : "s"), found \(length) in \(quoted(text))")
        case .maxLength(let maximum):
            if text.utf8.count <= maximum { return true }
            let length = text.unicodeScalars.count
            if length <= maximum { return true }
            return reject(&collector, "maxLength", at: instance.location,
                         "expected at most \(maximum) character\(maximum == 1 ? "" : "s"), found \(length) in \(quoted(text))")
        case .pattern(let pattern):
            if pattern.matches(text) { return true }
            return reject(&collector, "pattern", at: instance.location, "value \(quoted(text)) does not match pattern \(pattern.source)")
        case .format(let kind):
            if FormatChecker.isValid(text, as: kind) { return true }
            return reject(&collector, "format", at: instance.location, "expected \(FormatChecker.expectation(kind)), found \(quoted(text))")
        default:
            return true
        }
    }
}
