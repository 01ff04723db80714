import Dispatch
import Testing
@testable import Desk

/// Results written by several threads are kept in order and released when the results go: the raw buffers
/// they replaced kept every parsed message and written reply of a run alive until the process ended.
struct ResultsByIndexTests {
    final class Tracked: @unchecked Sendable {
        let index: Int
        let released: @Sendable () -> Void
        init(_ index: Int, released: @escaping @Sendable () -> Void) {
            self.index = index
            self.released = released
        }
        deinit { released() }
    }

    final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLockLike()
        func add() { lock.withLock { value += 1 } }
        var count: Int { lock.withLock { value } }
    }

    @Test func resultsComeBackInOrderAndAreReleasedWithTheirHolder() {
        let released = Counter()
        var collected: [Int] = []
        do {
            let results = ResultsByIndex<Tracked>(count: 100)
            DispatchQueue.concurrentPerform(iterations: 2) { worker in
                for i in stride(from: worker, to: 100, by: 2) where i != 50 {
                    results[i] = Tracked(i, released: released.add)
                }
            }
            let all = results.all
            collected = all.map { $0?.index ?? -1 }
        }
        #expect(collected == (0..<100).map { $0 == 50 ? -1 : $0 })
        #expect(released.count == 99)
    }
}

/// A lock for the test's counter (Foundation-free, so the test needs nothing but the module under test).
private final class NSLockLike: @unchecked Sendable {
    private let queue = DispatchQueue(label: "counter")
    func withLock<T>(_ body: () -> T) -> T { queue.sync(execute: body) }
}
