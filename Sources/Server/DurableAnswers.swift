import Desk
import Dispatch
import Foundation

/// Where the group-commit queue's answers wait for the disk (pipelined group commit). The desk hands each committed
/// group's owed fsync and its answers here and goes on to decide the next group; a thread of its own takes
/// everything waiting at once, makes it durable with one fsync per file (journal, audit trail), then answers
/// it all — so the groups committed while one fsync ran share the next. Answers never go before the
/// commits ahead of them are durable; an fsync that fails stops the process (nothing after it is answered;
/// see `FileIO.syncOrCrash`).
final class DurableAnswers: @unchecked Sendable {
    private typealias Waiting = (sync: DeskSync?, answer: @Sendable () -> Void)

    private let queue = DispatchQueue(label: "caredesk.durable-answers", qos: .userInitiated)
    // `waiting` and `draining` are only touched under `lock`.
    private let lock = NSLock()
    private var waiting: [Waiting] = []
    private var draining = false

    /// Runs `sync` (if the commit left one owed), then `answer`, after everything handed over before.
    func after(_ sync: DeskSync?, answer: @escaping @Sendable () -> Void) {
        let start: Bool = lock.withLock {
            waiting.append((sync, answer))
            defer { draining = true }
            return !draining
        }
        if start { queue.async { self.drain() } }
    }

    /// Syncs and answers what waits, again and again, until nothing does.
    private func drain() {
        while true {
            let taken: [Waiting] = lock.withLock {
                defer { waiting = [] }
                if waiting.isEmpty { draining = false }
                return waiting
            }
            guard !taken.isEmpty else { return }
            DeskSync.runAll(taken.compactMap(\.sync))
            for item in taken { item.answer() }
        }
    }

    /// Waits until every commit handed over so far is durable and its callers answered: before anything that
    /// shows the desk's state to the world (a delivery round hands replies over; a page shows a booking).
    /// Called from the desk's queue, the only one that hands work over, so nothing new arrives meanwhile.
    func settle() {
        queue.sync {}
    }
}
