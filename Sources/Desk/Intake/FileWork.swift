import Dispatch
import Foundation
import Mail
import Store

/// The file work that follows a commit — writing reply files, moving inbound mail to cur/ — done on a
/// serial background queue, so it overlaps with deciding the next batch. Everything queued here is already
/// durable in the journal: if the process dies first, the next run finds the reply still in the outbox and
/// the inbound message still in new/ (handled already, so only marked seen), and finishes the work.
/// The fsync of each commit runs on a queue of its own: the file work of a commit waits for that commit's
/// fsync (nothing is acknowledged before it is durable), but the fsync of the next commit runs while the
/// file work of this one is done, so the disk's wait and the file system's work overlap. (A queue per folder,
/// replies and cur/ moves, was tried: no faster; the two contend for the same file system and the two cores.)
final class FileWork: @unchecked Sendable {
    private let durability = DispatchQueue(label: "caredesk.durability")
    private let queue = DispatchQueue(label: "caredesk.filework")
    /// Left once the last queued fsync has run; touched only by the thread that queues work.
    private var durable: DispatchGroup?
    private let lock = NSLock()
    private var delivered: [String] = []
    private var failure: (any Error)?

    /// Makes the last commits durable; whatever is queued after it is acknowledged only once it has run.
    /// Runs even after a failure: it is what makes the batches before the failure count.
    func sync(_ sync: DeskSync) {
        makeDurable { sync.run() }
    }

    func deliver(_ messages: [OutboxMessage], with delivery: MaildirDelivery) {
        guard !messages.isEmpty else { return }
        whenDurable { [self] in
            do {
                let ids = try delivery.deliver(messages)
                lock.withLock { delivered += ids }
            } catch {
                fail(error)
            }
        }
    }

    func markSeen(_ entries: [MaildirEntry], in maildir: Maildir) {
        whenDurable { [self] in
            do {
                for entry in entries { try maildir.markSeen(entry) }
            } catch {
                fail(error)
            }
        }
    }

    /// Queues `run` (an fsync) behind the ones queued before it; work queued after this call waits for it.
    func makeDurable(_ run: @escaping @Sendable () -> Void) {
        let done = DispatchGroup()
        done.enter()
        durability.async {
            run()
            done.leave()
        }
        durable = done
    }

    /// Queues `work`, to run once every fsync queued so far has run (and not after a failure).
    func whenDurable(_ work: @escaping @Sendable () -> Void) {
        let durable = self.durable
        queue.async { [self] in
            durable?.wait()
            guard !failed else { return }
            work()
        }
    }

    /// The ids delivered since the last call, to be journaled with the next commit. Throws the first failure.
    func takeDelivered() throws -> [String] {
        try lock.withLock {
            if let failure { throw failure }
            defer { delivered = [] }
            return delivered
        }
    }

    /// Throws the first failure, if any, without taking the delivered ids.
    func check() throws {
        try lock.withLock { if let failure { throw failure } }
    }

    /// Waits until everything queued so far is done.
    func drain() {
        durability.sync {}
        queue.sync {}
    }

    private var failed: Bool { lock.withLock { failure != nil } }
    private func fail(_ error: any Error) { lock.withLock { if failure == nil { failure = error } } }
}
