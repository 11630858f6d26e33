/// Values a command keeps alive until the process exits, so they are not freed value by value on
/// the way out: the review of 10,000 profiles is a million small allocations, and releasing them
/// one by one costs a few percent of the run for memory the exit hands back to the system anyway
/// (as compilers skip freeing their ASTs before they exit).
enum ExitTeardown {
    private final class Box<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// Keeps `value` until the process exits; it is never released.
    static func skipRelease<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Box(value))
    }
}
