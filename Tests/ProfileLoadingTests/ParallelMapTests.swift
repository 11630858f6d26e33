import Testing
import ProfileLoading

/// `parallelMap` gives what `map` gives, in input order, and hands its results over intact:
/// results that hold references (strings on the heap, arrays, objects) are moved out of the
/// shared slots, never copied and released twice.
@Suite("Parallel map")
struct ParallelMapTests {
    final class Box: Sendable {
        let value: Int
        init(_ value: Int) { self.value = value }
    }

    @Test func resultsAreThoseOfMapInInputOrder() {
        let inputs = Array(0..<5_000)
        let transform: @Sendable (Int) -> (String, [Int], Box) = { index in
            (String(repeating: "long text \(index) ", count: 3), Array(0..<(index % 7)), Box(index * 2))
        }
        let parallel = inputs.parallelMap(transform)
        let serial = inputs.map(transform)
        #expect(parallel.count == serial.count)
        for (left, right) in zip(parallel, serial) {
            #expect(left.0 == right.0 && left.1 == right.1 && left.2.value == right.2.value)
        }
        #expect([Int]().parallelMap { $0 }.isEmpty)
        #expect([7].parallelMap { $0 * 2 } == [14])
    }
}
