// Synchronization, not Foundation: importing Foundation into this module would change which
// `contains` and `range(of:)` overloads every rule's string code resolves to (and make them slower).
import Synchronization

/// Values a rule derives from its parameters alone (stems of a word list, a compiled phrase set),
/// built on first use and then shared by every check of the run: the "prepared" half of a rule.
/// One instance belongs to one ``RuleParameters`` value and its copies; since the parameters never
/// change after construction, a value computed once stays right. Safe to use from the parallel
/// review: a mutex guards the table (held for one dictionary probe), and a value computed twice by
/// racing threads is identical.
final class PreparedValues: Sendable {
    private let values = Mutex<[String: any Sendable]>([:])

    func value<Value: Sendable>(_ key: String, _ build: () -> Value) -> Value {
        if let cached = values.withLock({ $0[key] as? Value }) {
            return cached
        }
        let built = build()
        values.withLock { $0[key] = built }
        return built
    }
}
