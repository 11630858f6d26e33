// Dispatch, not Foundation: importing Foundation into this module would change which `contains`
// and `range(of:)` overloads every rule's string code resolves to (and make them slower).
import Dispatch

/// Values a rule derives from its parameters alone (stems of a word list, a compiled phrase set),
/// built on first use and then shared by every check of the run: the "prepared" half of a rule.
/// One instance belongs to one ``RuleParameters`` value and its copies; since the parameters never
/// change after construction, a value computed once stays right. Safe to use from the parallel
/// review: a serial queue guards the table, and a value computed twice by racing threads is identical.
final class PreparedValues: @unchecked Sendable {
    private let queue = DispatchQueue(label: "review-profile.prepared-values")
    private var values: [String: Any] = [:]

    func value<Value>(_ key: String, _ build: () -> Value) -> Value {
        if let cached = queue.sync(execute: { values[key] as? Value }) {
            return cached
        }
        let built = build()
        queue.sync { values[key] = built }
        return built
    }
}
