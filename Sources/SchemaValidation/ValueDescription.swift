import LocatedDocument

/// Short renderings of instance values for messages: `string "one"`, `integer 5`, `array of 3 items`.
func describe(_ node: DocumentNode) -> String {
    switch node.value {
    case .null: return "null"
    case .bool(let flag): return "boolean \(flag)"
    case .integer(let number): return "integer \(number)"
    case .number(let number): return "\(node.typeName) \(formatNumber(number))"
    case .string: return "string \(literal(node))"
    case .array(let items): return "array of \(items.count) item\(items.count == 1 ? "" : "s")"
    case .object(let members): return "object with \(members.count) key\(members.count == 1 ? "" : "s")"
    }
}

/// A value as it would be written in JSON, shortened: `"aproved"`, `3`, `[…]`, `{…}`.
func literal(_ node: DocumentNode) -> String {
    switch node.value {
    case .null: return "null"
    case .bool(let flag): return String(flag)
    case .integer(let number): return String(number)
    case .number(let number): return formatNumber(number)
    case .string(let text): return quoted(text)
    case .array(let items): return items.isEmpty ? "[]" : items.count <= 3 ? "[" + items.map(literal).joined(separator: ", ") + "]" : "[…]"
    case .object(let members): return members.isEmpty ? "{}" : "{…}"
    }
}

/// A string in double quotes with quotes, backslashes and control characters escaped, cut at 60 scalars.
func quoted(_ text: String) -> String {
    var result = "\""
    var count = 0
    for scalar in text.unicodeScalars {
        count += 1
        if count > 60 {
            result += "…"
            break
        }
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\t": result += "\\t"
        case "\r": result += "\\r"
        default:
            if scalar.value < 0x20 {
                result += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
    return result + "\""
}

/// `3` for whole numbers, the shortest round-tripping form otherwise (`0.0075`, `1e+308`).
func formatNumber(_ number: Double) -> String {
    if number.isFinite, number == number.rounded(), abs(number) < 1e15 {
        return String(Int(number))
    }
    return "\(number)"
}

/// An enum option for a list: strings bare when they are simple words, JSON literals otherwise.
func optionText(_ node: DocumentNode) -> String {
    if let text = node.stringValue, !text.isEmpty,
       text.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "." }) {
        return text
    }
    return literal(node)
}

/// Levenshtein distance over Unicode scalars, for "did you mean" suggestions.
func editDistance(_ lhs: String, _ rhs: String) -> Int {
    let left = Array(lhs.unicodeScalars)
    let right = Array(rhs.unicodeScalars)
    if left.isEmpty { return right.count }
    if right.isEmpty { return left.count }
    var previous = Array(0...right.count)
    var current = [Int](repeating: 0, count: right.count + 1)
    for i in 1...left.count {
        current[0] = i
        for j in 1...right.count {
            let substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[right.count]
}

/// The candidate closest to `word`, if it is close enough to be a plausible typo (case-insensitive
/// match, or at most a third of the shorter word's length in edits, minimum one, never all of it).
func closestMatch(to word: String, in candidates: [String]) -> String? {
    var best: (String, Int)?
    for candidate in candidates where candidate != word {
        let distance = candidate.lowercased() == word.lowercased() ? 0 : editDistance(word, candidate)
        if best == nil || distance < best!.1 { best = (candidate, distance) }
    }
    guard let (candidate, distance) = best else { return nil }
    let shorter = min(word.unicodeScalars.count, candidate.unicodeScalars.count)
    // Rewriting (nearly) the whole word is not a typo: "c" is not a misspelling of "b".
    let allowed = min(max(1, shorter / 3), shorter - 1)
    return distance <= allowed ? candidate : nil
}
