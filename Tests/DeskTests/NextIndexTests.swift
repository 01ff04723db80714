import Dispatch
import Foundation
import Testing
@testable import Desk

/// Work shared by taking turns: every index is done exactly once, and a thread held up on one index does
/// not hold up the indices after it (the other thread takes them).
struct NextIndexTests {
    @Test func everyIndexIsTakenExactlyOnce() {
        let counts = ResultsByIndex<Int>(count: 1000)
        NextIndex.forEach(1000, workers: 2) { i in counts[i] = (counts[i] ?? 0) + 1 }
        #expect(counts.all.allSatisfy { $0 == 1 })
    }

    @Test func aThreadHeldUpLeavesTheRestToTheOther() {
        let others = DispatchSemaphore(value: 0)
        let waited = ResultsByIndex<Bool>(count: 1)
        NextIndex.forEach(64, workers: 2) { i in
            if i == 0 {
                // Split by even and odd indices, the even ones would wait behind this one: the 63 others could
                // not all be done within the 5 s.
                var done = 0
                while done < 63, others.wait(timeout: .now() + 5) == .success { done += 1 }
                waited[0] = done == 63
            } else {
                others.signal()
            }
        }
        #expect(waited[0] == true)
    }
}
