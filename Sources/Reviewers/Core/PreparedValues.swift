import Foundation

/// Values a rule derives from its parameters alone (stems of a word list, a compiled phrase set),
/// built on first use and then shared by every check of the run: the "prepared" half of a rule.
/// One instance belongs to one ``RuleParameters`` value and its copies; since the parameters never
/// change after construction, a value computed once stays right. Safe to use from the parallel
/// review: a lock guards the table, and a value computed twice by racing threads is identical.
final class PreparedValues: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Any] = [:]

    func value<Value>(_ key: String, _ build: () -> Value) -> Value {
        lock.lock()
        if let cached = values[key] as? Value {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let built = build()
        lock.lock()
        values[key] = built
        lock.unlock()
        return built
    }
}
