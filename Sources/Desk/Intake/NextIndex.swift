import Dispatch
import Foundation

/// Hands out the indices 0..<count one at a time to whichever thread asks next. Work split by taking turns
/// this way never waits for a thread the scheduler holds back (the file-work thread shares the two cores):
/// the other one takes what is left, where a fixed split (even indices here, odd there) would wait for it.
final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let count: Int

    init(count: Int) {
        self.count = count
    }

    func take() -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    /// Runs `body` for every index in 0..<count on `workers` threads (this one included); returns when all are done.
    static func forEach(_ count: Int, workers: Int, _ body: @Sendable (Int) -> Void) {
        let indices = NextIndex(count: count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, count))) { _ in
            while let i = indices.take() { body(i) }
        }
    }
}
