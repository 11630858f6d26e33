import Dispatch

extension Array where Element: Sendable {
    /// Public so later stages (the review panel) parallelise the same way.

    /// `map` run on all cores, results in input order. Each slot is written by exactly one
    /// iteration, so the buffer needs no lock.
    public func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        let slots = ResultSlots<Result>(count: count)
        self.withUnsafeBufferPointer { elements in
            let input = UncheckedSendable(elements)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots.store(transform(input.value[index]), at: index)
            }
        }
        return slots.results()
    }
}

private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Write-once result storage shared by `concurrentPerform` iterations.
private final class ResultSlots<Result>: @unchecked Sendable {
    private var storage: [Result?]

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    func store(_ result: Result, at index: Int) {
        storage.withUnsafeMutableBufferPointer { $0[index] = result }
    }

    func results() -> [Result] {
        storage.map { $0! }
    }
}
