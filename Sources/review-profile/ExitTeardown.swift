/// Values a command keeps alive until the process exits, so they are not freed value by value on
/// the way out: a review run is every file's levels, reports and findings, many small allocations,
/// and releasing them one by one (0.3 % of the instructions of a 200-file review, by callgrind)
/// only hands back memory the exit returns to the system anyway, as compilers that skip freeing
/// their syntax trees before exiting do.
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
