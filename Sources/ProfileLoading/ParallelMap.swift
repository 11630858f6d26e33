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

extension Array {
    /// `parallelMap` over elements taken out of the array: each iteration moves its element out of
    /// its slot (leaving nil) and releases it when its transform is done, so freeing what the
    /// elements hold runs on every core too, instead of on the calling thread when the array goes.
    /// Every element must be non-nil; the array is left all nil.
    public mutating func parallelTakingMap<Wrapped: Sendable, Result: Sendable>(
        _ transform: @Sendable (Wrapped) -> Result
    ) -> [Result] where Element == Wrapped? {
        let slots = ResultSlots<Result>(count: count)
        self.withUnsafeMutableBufferPointer { elements in
            let input = UncheckedSendable(elements)
            DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                guard let element = input.value[index].take() else { preconditionFailure("parallelTakingMap: element \(index) is nil") }
                slots.store(transform(element), at: index)
            }
        }
        return slots.results()
    }
}

private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Write-once result storage shared by `concurrentPerform` iterations: a raw buffer allocated up
/// front, so concurrent stores touch disjoint slots and never the array machinery (no uniqueness
/// checks or copy-on-write racing between threads).
private final class ResultSlots<Result>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Result>

    init(count: Int) {
        buffer = .allocate(capacity: count)
    }

    func store(_ result: Result, at index: Int) {
        (buffer.baseAddress! + index).initialize(to: result)
    }

    /// Called once, after `concurrentPerform` returned, when every slot is initialised.
    func results() -> [Result] {
        // Moved, not copied: a copy retained every reference in every result, and releasing the
        // buffer's then undid it, all on the calling thread.
        let results = [Result](unsafeUninitializedCapacity: buffer.count) { target, initialized in
            target.baseAddress!.moveInitialize(from: buffer.baseAddress!, count: buffer.count)
            initialized = buffer.count
        }
        buffer.deallocate()
        return results
    }
}
