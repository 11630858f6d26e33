import Testing
import ProfileLoading

/// `parallelMap` gives what `map` gives, in input order, and hands its results over intact:
/// results that hold references (strings on the heap, arrays, objects) are moved out of the
/// shared slots, never copied and released twice. `parallelTakingMap` gives the same and takes the
/// elements out: the array is left all nil and nothing else holds them when it returns.
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

    @Test func takingMapGivesWhatMapGivesAndReleasesEveryElement() {
        struct WeakBox { weak var box: Box? }
        var elements: [Box?] = (0..<3_000).map { Box($0) }
        let watched = elements.map { WeakBox(box: $0) }
        let results = elements.parallelTakingMap { box in String(box.value * 3) }
        #expect(results == (0..<3_000).map { String($0 * 3) })
        #expect(elements.count == 3_000 && elements.allSatisfy { $0 == nil })
        #expect(watched.allSatisfy { $0.box == nil })
        var empty: [Box?] = []
        #expect(empty.parallelTakingMap { $0.value }.isEmpty)
    }
}
