import Foundation

/// A `pattern` / `patternProperties` regular expression, compiled once.
///
/// JSON Schema patterns are ECMA-262 regular expressions; NSRegularExpression (ICU) is close, and
/// the differences that matter in practice are translated: `\d` and `\w` are ASCII-only in
/// ECMA-262 (ICU matches any Unicode digit or letter), and `$` without the multiline flag matches
/// only at the very end (ICU also matches before a final newline).
final class CompiledPattern: @unchecked Sendable {
    /// True when matching runs on the automaton rather than NSRegularExpression.
    var usesAutomaton: Bool { automaton != nil }

    // @unchecked: NSRegularExpression is immutable after creation and documented as safe to use
    // from several threads at once; the automaton is an immutable value.
    let source: String
    private let expression: NSRegularExpression?
    /// The same pattern as a small automaton, when it is simple enough (see `SimplePattern`).
    private let automaton: SimplePattern?

    /// Nil when the pattern is not a regular expression. The empty pattern (which matches every
    /// string) is one, though NSRegularExpression refuses it: the automaton takes it.
    init?(_ source: String) {
        let automaton = SimplePattern(source)
        let expression = try? NSRegularExpression(pattern: Self.translate(source), options: [])
        guard expression != nil || automaton != nil else { return nil }
        self.source = source
        self.expression = expression
        self.automaton = automaton
    }

    /// Whether the pattern matches anywhere in `text` (patterns are not implicitly anchored).
    func matches(_ text: String) -> Bool {
        if let automaton { return automaton.matches(text) }
        return regularExpressionMatches(text)
    }

    /// The NSRegularExpression answer (also what tests compare the automaton with).
    func regularExpressionMatches(_ text: String) -> Bool {
        guard let expression else { return automaton?.matches(text) ?? false }
        let range = NSRange(location: 0, length: text.utf16.count)
        return expression.firstMatch(in: text, options: [], range: range) != nil
    }

    /// Rewrites the ECMA-262 constructs whose ICU meaning differs.
    static func translate(_ pattern: String) -> String {
        var result = ""
        var inClass = false
        var iterator = pattern.makeIterator()
        while let character = iterator.next() {
            switch character {
            case "\\":
                guard let escaped = iterator.next() else {
                    result.append("\\")
                    continue
                }
                switch (escaped, inClass) {
                case ("d", false): result += "[0-9]"
                case ("d", true): result += "0-9"
                case ("D", false): result += "[^0-9]"
                case ("w", false): result += "[a-zA-Z0-9_]"
                case ("w", true): result += "a-zA-Z0-9_"
                case ("W", false): result += "[^a-zA-Z0-9_]"
                default:
                    result.append("\\")
                    result.append(escaped)
                }
            case "[" where !inClass:
                inClass = true
                result.append(character)
            case "]" where inClass:
                inClass = false
                result.append(character)
            case "$" where !inClass:
                result += "\\z"
            default:
                result.append(character)
            }
        }
        return result
    }
}
