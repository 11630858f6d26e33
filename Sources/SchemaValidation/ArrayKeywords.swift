import LocatedDocument

/// `minItems`, `maxItems`, `uniqueItems`, `prefixItems`/`items` and `contains` (with min/maxContains).
extension Evaluator {
    func checkArray(_ keyword: Keyword, _ instance: DocumentNode, _ collector: inout ViolationCollector?) -> Bool {
        guard case .array(let items) = instance.value else { return true }
        switch keyword {
        case .minItems(let minimum):
            if items.count >= minimum { return true }
            return reject(&collector, "minItems", at: instance.location,
                         "expected at least \(minimum) item\(minimum == 1 ? "" : "s"), found \(items.count)")
        case .maxItems(let maximum):
            if items.count <= maximum { return true }
            return reject(&collector, "maxItems", at: instance.location,
                         "expected at most \(maximum) item\(maximum == 1 ? "" : "s"), found \(items.count)")
        case .uniqueItems:
            return checkUnique(items, &collector)
        case .items(let prefix, let rest, let restForbidden):
            return checkItems(items, prefix: prefix, rest: rest, restForbidden: restForbidden, &collector)
        case .contains(let id, let minimum, let maximum):
            return checkContains(instance, items, id, minimum: minimum, maximum: maximum, &collector)
        default:
            return true
        }
    }

    /// Each later duplicate is reported once, at the duplicate item.
    private func checkUnique(_ items: [DocumentNode], _ collector: inout ViolationCollector?) -> Bool {
        guard items.count > 1 else { return true }
        if let strings = Self.strings(items) { return checkUniqueStrings(strings, items, &collector) }
        var valid = true
        for later in 1..<items.count {
            for earlier in 0..<later where items[earlier].isJSONEqual(to: items[later]) {
                valid = false
                guard fail(&collector, "uniqueItems", at: items[later].location, child: .index(later),
                           "expected unique items, found item \(later) equal to item \(earlier) (\(literal(items[later])))") else { return false }
                break
            }
        }
        return valid
    }

    /// `uniqueItems` over an array of strings in one pass: each string is looked up among the earlier
    /// ones by its UTF-8 bytes (JSON compares strings code point by code point), and a duplicate is
    /// reported against the first equal item, as the pairwise check does.
    private func checkUniqueStrings(_ strings: [String], _ items: [DocumentNode], _ collector: inout ViolationCollector?) -> Bool {
        var first: [ScalarKey: Int] = [:]
        first.reserveCapacity(strings.count)
        var valid = true
        for (index, text) in strings.enumerated() {
            guard let earlier = first[ScalarKey(text: text)] else {
                first[ScalarKey(text: text)] = index
                continue
            }
            valid = false
            guard fail(&collector, "uniqueItems", at: items[index].location, child: .index(index),
                       "expected unique items, found item \(index) equal to item \(earlier) (\(literal(items[index])))") else { return false }
        }
        return valid
    }

    /// The items' strings, or nil when any item is not a string.
    private static func strings(_ items: [DocumentNode]) -> [String]? {
        var strings: [String] = []
        strings.reserveCapacity(items.count)
        for item in items {
            guard case .string(let text) = item.value else { return nil }
            strings.append(text)
        }
        return strings
    }

    private func checkItems(_ items: [DocumentNode], prefix: [SchemaID], rest: SchemaID?, restForbidden: Bool,
                            _ collector: inout ViolationCollector?) -> Bool {
        var valid = true
        for (offset, id) in zip(items.indices, prefix) where !evaluateChild(items[offset], token: .index(offset), id, &collector) {
            valid = false
            if collector == nil { return false }
        }
        guard let rest, items.count > prefix.count else { return valid }
        if restForbidden {
            // `items: false` after a tuple: one clear message instead of one per extra item.
            let first = prefix.count
            return reject(&collector, "items", at: items[first].location, child: .index(first),
                         "expected at most \(prefix.count) item\(prefix.count == 1 ? "" : "s"), found \(items.count); item \(first) is not allowed")
        }
        for offset in prefix.count..<items.count where !evaluateChild(items[offset], token: .index(offset), rest, &collector) {
            valid = false
            if collector == nil { return false }
        }
        return valid
    }

    private func checkContains(_ instance: DocumentNode, _ items: [DocumentNode], _ id: SchemaID, minimum: Int, maximum: Int?,
                               _ collector: inout ViolationCollector?) -> Bool {
        var matched = 0
        for item in items where matches(item, id) {
            matched += 1
            // Fast path: enough is known once the minimum is met and no maximum can be exceeded.
            if maximum == nil && matched >= minimum { return true }
        }
        if matched < minimum {
            return reject(&collector, "contains", at: instance.location,
                         "expected at least \(minimum) item\(minimum == 1 ? "" : "s") matching the contains schema, found \(matched)")
        }
        if let maximum, matched > maximum {
            return reject(&collector, "maxContains", at: instance.location,
                         "expected at most \(maximum) item\(maximum == 1 ? "" : "s") matching the contains schema, found \(matched)")
        }
        return true
    }
}

/// A string compared and hashed by its UTF-8 bytes, that is code point by code point (Swift's own
/// `String` equality is canonical equivalence, which JSON does not use).
private struct ScalarKey: Hashable {
    var text: String

    static func == (lhs: ScalarKey, rhs: ScalarKey) -> Bool {
        lhs.text.utf8.count == rhs.text.utf8.count && lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
