/// What a rule works out on one level of a profile and needs again on another: the previous
/// level's reading, or a part of its work that does not depend on the level at all.
///
/// The engine makes one per profile review and hands it to every subject of that review, which runs
/// on one thread, so it takes no lock: do not share one between threads. Entries are keyed by rule
/// id and level index, so a rule only ever reads what it stored itself, for the same rubric.
public final class ReviewMemo: @unchecked Sendable {
    private struct Key: Hashable {
        var rule: String
        var level: Int
    }

    private var values: [Key: Any] = [:]

    public init() {}

    /// The level the engine keeps a ``ProfileWideRule``'s outcome under (no rule uses it).
    public static let profileWideOutcome = Int.min

    /// The value stored for (`rule`, `level`), made by `make` the first time it is asked for.
    /// `level` is a level index, or -1 for what does not depend on the level.
    public func value<Value>(rule: String, level: Int, _ make: () -> Value) -> Value {
        let key = Key(rule: rule, level: level)
        if let stored = values[key] as? Value { return stored }
        let value = make()
        values[key] = value
        return value
    }
}
