import Dispatch
import Foundation
import Mail
import Store

/// The file work that follows a commit — writing reply files, moving inbound mail to cur/ — done on a
/// serial background queue, so it overlaps with deciding the next batch. Everything queued here is already
/// durable in the journal: if the process dies first, the next run finds the reply still in the outbox and
/// the inbound message still in new/ (handled already, so only marked seen), and finishes the work.
/// The fsync of each commit runs here too, ahead of that commit's file work: the next batch is decided
/// while the disk makes this one durable, and nothing is acknowledged before it is.
final class FileWork: @unchecked Sendable {
    private let queue = DispatchQueue(label: "caredesk.filework")
    private let lock = NSLock()
    private var delivered: [String] = []
    private var failure: (any Error)?

    /// Makes the last commits durable; whatever is queued after it is acknowledged only once it has run.
    /// Runs even after a failure: it is what makes the batches before the failure count.
    func sync(_ sync: JournalSync) {
        queue.async { sync.run() }
    }

    func deliver(_ messages: [OutboxMessage], with delivery: MaildirDelivery) {
        guard !messages.isEmpty else { return }
        queue.async { [self] in
            guard !failed else { return }
            do {
                let ids = try delivery.deliver(messages)
                lock.withLock { delivered += ids }
            } catch {
                fail(error)
            }
        }
    }

    func markSeen(_ entries: [MaildirEntry], in maildir: Maildir) {
        queue.async { [self] in
            guard !failed else { return }
            do {
                for entry in entries { try maildir.markSeen(entry) }
            } catch {
                fail(error)
            }
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
    func drain() { queue.sync {} }

    private var failed: Bool { lock.withLock { failure != nil } }
    private func fail(_ error: any Error) { lock.withLock { if failure == nil { failure = error } } }
}
