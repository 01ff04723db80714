import Dispatch
import Foundation
import Testing
@testable import Desk

/// File work waits for the fsync of its commit, but not for more: the next commit's fsync runs while this
/// one's files are written.
struct FileWorkOrderTests {
    /// Set by one thread, read by another.
    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.withLock { value = true } }
        var isSet: Bool { lock.withLock { value } }
    }

    @Test func fileWorkRunsOnlyOnceEveryEarlierFsyncHasRun() {
        let work = FileWork()
        let firstSynced = Flag(), secondSynced = Flag()
        let replySawBoth = Flag(), moveSawBoth = Flag()
        work.makeDurable {
            Thread.sleep(forTimeInterval: 0.2)
            firstSynced.set()
        }
        work.makeDurable { secondSynced.set() }
        work.whenDurable { if firstSynced.isSet && secondSynced.isSet { replySawBoth.set() } }
        work.whenDurable { if firstSynced.isSet && secondSynced.isSet { moveSawBoth.set() } }
        work.drain()
        #expect(replySawBoth.isSet)
        #expect(moveSawBoth.isSet)
    }

    @Test func theNextFsyncRunsWhileThisCommitsFilesAreWritten() {
        let work = FileWork()
        let nextSynced = DispatchSemaphore(value: 0)
        let overlapped = Flag()
        work.makeDurable {}
        // The first commit's file work waits (up to 5 s) for the second commit's fsync: on one queue for both,
        // that fsync could only start after this work ended.
        work.whenDurable {
            if nextSynced.wait(timeout: .now() + 5) == .success { overlapped.set() }
        }
        work.makeDurable { nextSynced.signal() }
        work.drain()
        #expect(overlapped.isSet)
    }
}
