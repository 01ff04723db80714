import Foundation
import Mail

/// Reads mail from spools in batches and hands each batch to the desk as one commit. A Maildir message
/// moves to cur/ only after the commit that holds its effects; replies are delivered after that commit.
public final class SpoolIngest {
    public enum Source: Sendable {
        case maildir(String)
        case mbox(String)
        case file(String)
        case standardInput

        /// Decides what a command-line SOURCE names: "-", a Maildir folder, an mbox file or a single message.
        public static func named(_ argument: String) throws -> Source {
            if argument == "-" { return .standardInput }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                throw IngestError(description: "\(argument): no such file or folder")
            }
            if isDirectory.boolValue {
                guard FileManager.default.fileExists(atPath: argument + "/new") else {
                    throw IngestError(description: "\(argument) is a folder but not a Maildir (it has no new/)")
                }
                return .maildir(argument)
            }
            let head = (FileHandle(forReadingAtPath: argument).map { handle in
                defer { try? handle.close() }
                return (try? handle.read(upToCount: 5)) ?? Data()
            }) ?? Data()
            return head == Data("From ".utf8) ? .mbox(argument) : .file(argument)
        }
    }

    public struct IngestError: Error, CustomStringConvertible {
        public let description: String
    }

    public struct Summary: Sendable {
        public var messages = 0
        public var answered = 0
        public var duplicates = 0
        public var silent = 0
        public init() {}
    }

    let desk: Desk
    let delivery: MaildirDelivery?
    let batchSize: Int
    private let fileWork = FileWork()

    /// `delivery` nil: replies stay in the outbox (`--no-deliver`).
    public init(desk: Desk, delivery: MaildirDelivery?, batchSize: Int = 256) {
        self.desk = desk
        self.delivery = delivery
        self.batchSize = batchSize
    }

    /// Hands over whatever the outbox still holds (after a crash, or a run with `--no-deliver`).
    public func flushOutbox(now: Int64) throws {
        guard let delivery else { return }
        if desk.outboxIsShared { return try deliverClaimed(delivery, now: now) }
        let pending = desk.state.outbox.pending.sorted { $0.createdAt < $1.createdAt || ($0.createdAt == $1.createdAt && $0.id < $1.id) }
        try desk.markDelivered(try delivery.deliver(pending))
    }

    /// Handles every message of `sources`, one commit per batch. `stopping`, asked between batches of a Maildir,
    /// ends the run early (a long-lived process told to shut down): what is left stays in `new/` for next time.
    public func run(_ sources: [Source], now: Int64, stopping: () -> Bool = { false },
                    report: (HandlingReport) -> Void) throws -> Summary {
        var summary = Summary()
        try flushOutbox(now: now)
        // Each batch's fsync runs on the file-work queue while the next batch is read and decided; its
        // replies and cur/ moves are queued behind it. What is still owed when the run ends is synced here.
        let deferred = desk.defersSync
        desk.defersSync = true
        defer {
            desk.defersSync = deferred
            desk.takePendingSync()?.run()
        }
        let limit = desk.trust.maxMessageBytes
        for source in sources {
            switch source {
            case .maildir(let path):
                let maildir = Maildir(path: path)
                let entries = try maildir.newEntries()
                let chunks = stride(from: 0, to: entries.count, by: batchSize).map {
                    Array(entries[$0..<min($0 + batchSize, entries.count)])
                }
                // Each batch is read and parsed on a background thread while the one before it is decided,
                // answered and committed: reading is pure work, and it fills the moments when deciding (one
                // message after another) leaves a core free. A batch read ahead but not committed (the run is
                // told to stop) stays in new/ for next time.
                func readAhead(_ index: Int) -> BatchReadAhead? {
                    guard index < chunks.count else { return nil }
                    let chunk = chunks[index]
                    return BatchReadAhead { try SpoolIngest.parse(chunk.count, workers: 1) { try maildir.read(chunk[$0], limit: limit) } }
                }
                var next = readAhead(0)
                for (index, chunk) in chunks.enumerated() {
                    guard let current = next, !(index > 0 && stopping()) else { break }
                    let parsed = try current.wait()
                    next = readAhead(index + 1)
                    try commit(parsed, now: now, summary: &summary, report: report)
                    fileWork.markSeen(chunk, in: maildir)
                }
                fileWork.drain()
                try fileWork.check()
                if !entries.isEmpty { try maildir.syncDirectories() }
            case .mbox(let path):
                let messages = try Mbox(path: path).readMessages().map(\.data)
                var start = 0
                while start < messages.count {
                    let chunk = Array(messages[start..<min(start + batchSize, messages.count)])
                    start += chunk.count
                    try commit(try Self.parse(chunk.count) { Self.bounded(chunk[$0], limit: limit) }, now: now, summary: &summary, report: report)
                }
            case .file(let path):
                let read: BoundedRead
                do {
                    read = try BoundedRead.file(path, limit: limit)
                } catch {
                    throw IngestError(description: "\(path): cannot be read")
                }
                try commit(try Self.parse(1) { _ in read }, now: now, summary: &summary, report: report)
            case .standardInput:
                let read = try BoundedRead.stream(0, path: "standard input", limit: limit)
                try commit(try Self.parse(1) { _ in read }, now: now, summary: &summary, report: report)
            }
        }
        fileWork.drain()
        try desk.markDelivered(try fileWork.takeDelivered())
        return summary
    }

    /// Hands what is due to the outgoing folder as delivery rounds do, claim first: with a shared outbox another
    /// process may be handing the same messages over (into a data folder of its own), and only a claim makes
    /// each go once.
    private func deliverClaimed(_ delivery: MaildirDelivery, now: Int64) throws {
        _ = try DeliveryPass(desk: desk, policy: RetryPolicy(), couriers: [MaildirCourier(delivery)]).run(now: now)
    }

    /// Reads (`raw(i)`: a file read or an mbox slice) and parses `count` messages, on two threads unless told
    /// otherwise: each message's parse is pure work of its own, and the desk decides them afterwards, in order.
    /// An mbox message (already in memory) over `limit`: only its head goes on.
    static func bounded(_ data: Data, limit: Int) -> BoundedRead {
        data.count > limit ? BoundedRead(data: data.prefix(BoundedRead.headBytes), oversize: data.count) : BoundedRead(data: data)
    }

    static func parse(_ count: Int, workers: Int = 2, raw: @Sendable (Int) throws -> BoundedRead) throws -> [InboundMessage] {
        let mails = ResultsByIndex<InboundMessage>(count: count)
        nonisolated(unsafe) var failure: (any Error)?
        let failureLock = NSLock()
        // Each index is taken by exactly one thread: no two threads touch the same element.
        NextIndex.forEach(count, workers: count >= 16 ? workers : 1) { i in
            // Once one read has failed the batch is not committed: the rest is left unread.
            if failureLock.withLock({ failure != nil }) { return }
            do {
                mails[i] = InboundMessage(try raw(i))
            } catch {
                failureLock.withLock { failure = failure ?? error }
            }
        }
        if let failure { throw failure }
        return mails.all.map { $0! }
    }

    private func commit(_ batch: [InboundMessage], now: Int64, summary: inout Summary, report: (HandlingReport) -> Void) throws {
        let reports = try desk.handle(batch, now: now, delivered: try fileWork.takeDelivered())
        if let sync = desk.takePendingSync() { fileWork.sync(sync) }
        var fresh: [OutboxMessage] = []
        for item in reports {
            summary.messages += 1
            switch item.result {
            case .answered(let id):
                summary.answered += 1
                for id in [id] + item.noticeIDs {
                    if let message = desk.state.outbox[id] { fresh.append(message) }
                }
            case .duplicate: summary.duplicates += 1
            case .silent:
                summary.silent += 1
                // A silent message may still cause mail to others (an SMS opt-out tells the patient by mail).
                for id in item.noticeIDs {
                    if let message = desk.state.outbox[id] { fresh.append(message) }
                }
            }
            report(item)
        }
        guard let delivery else { return }
        if desk.outboxIsShared {
            try deliverClaimed(delivery, now: now)
        } else {
            fileWork.deliver(fresh, with: delivery)
        }
    }
}
