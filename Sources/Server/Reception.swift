import Delivery
import Desk
import Foundation
import Store
import Logging

/// The front desk's one clerk: the only holder of the clinic's `Desk`. Every desk call of the long-lived
/// process — mail from the watcher, messages from webhooks, delivery rounds, the clock's work, health
/// reads — waits its turn here, one at a time, on the desk's own thread (`DeskQueue`), so a batch is decided
/// and committed whole before the next call starts.
///
/// From a route handler: `let reports = try await reception.receive([InboundMessage(raw: data)])` returns once
/// the message's effects and replies are committed (answer 2xx then); its replies go out with the next
/// delivery round. For any other desk call: `try await reception.withDesk { desk, now in … }`.
public actor Reception {
    private nonisolated let queue = DeskQueue()
    public nonisolated var unownedExecutor: UnownedSerialExecutor { queue.asUnownedSerialExecutor() }

    let desk: Desk
    let dataFolder: URL
    nonisolated let clock: DeskClock
    nonisolated let logger: Logger
    /// How replies leave (SMTP or `DATA/outgoing/`), reminder offsets, retry policy: `DATA/config.json`.
    public nonisolated let deliverySettings: DeliverySettings
    nonisolated let sign = ShutdownFlag()
    nonisolated let groupCommit = GroupCommitQueue()
    nonisolated let durable = DurableAnswers()
    /// The last error of the last delivery round that tried anything; nil when all it tried went.
    var lastDeliveryError: String?
    /// The store's database as health shows it (nil: the data folder's journal), and why it was last unreachable
    /// (nil: it answered the last call).
    let databaseURL: String?
    var databaseError: String?
    /// What the last retention round let go (for the health report).
    var lastRetention = Desk.Retention()
    /// When the last retention round ran (nil: not yet in this process), and how often one runs.
    var lastRetentionAt: Int64?
    static let retentionInterval: Int64 = 3600
    /// What `GET /health` reads, posted after each call on the desk.
    nonisolated let board: HealthBoard

    /// Opens the desk of `dataFolder`; reads `DATA/config.json` for delivery.
    public init(dataFolder: URL, templates: ReplyTemplates, clock: DeskClock, logger: Logger,
                randomness: DeskRandomness = .system, store: sending (any StateStore<DeskState>)? = nil,
                databaseURL: String? = nil) throws {
        self.databaseURL = databaseURL
        self.dataFolder = dataFolder
        self.clock = clock
        self.logger = logger
        deliverySettings = try DeliverySettings.load(dataFolder)
        let desk = try Desk(dataFolder: dataFolder, templates: templates, logger: logger, store: store)
        desk.randomness = randomness
        desk.payments = try StripeSetup.payments()
        self.desk = desk
        board = HealthBoard(Self.report(of: desk.state, lastDeliveryError: nil, database: databaseURL.map {
            HealthReport.Database(url: $0, reachable: true, lastError: nil)
        }))
    }

    /// Turns the sign to closed: from now on no new work is taken (calls throw `Reception.Closed`); the call
    /// in hand, if any, finishes and commits. Can be called from anywhere, at once.
    public nonisolated func close() {
        sign.close()
    }

    public nonisolated var isOpen: Bool { sign.isOpen }

    /// Handles inbound messages (from a webhook, say); returns after the commit that holds them, one report
    /// per message, duplicates reported as such. Their replies wait in the outbox for the delivery round.
    ///
    /// Group commit: messages that arrive while the desk is busy wait in the `GroupCommitQueue` and are then handled
    /// together, in the order they came, in one commit (one journal write, one fsync), so concurrent webhook
    /// requests share the cost of durability; each caller still hears back only after its commit is on disk.
    /// The fsync runs beside the desk (`DurableAnswers`): while one group's commit goes to disk, the next group
    /// is decided.
    public nonisolated func receive(_ batch: [InboundMessage]) async throws -> [HandlingReport] {
        try requireOpen()
        return try await withCheckedThrowingContinuation { caller in
            if groupCommit.wait(batch, caller) { Task { await self.commitNextGroup() } }
        }
    }

    /// Handles one group from the group-commit queue (up to `GroupCommitQueue.groupLimit` messages) in one commit, whose fsync and
    /// answers it leaves to `durable`; if more wait, comes back for them after the desk's other callers (the
    /// watcher, the rounds) have had their turn.
    func commitNextGroup() {
        if let group = groupCommit.nextGroup() {
            do {
                try requireOpen()
                desk.defersSync = true
                defer { desk.defersSync = false }
                let reports = try reachingStore { try desk.handle(group.flatMap(\.messages), now: clock.now()) }
                postHealth()
                durable.after(desk.takePendingSync()) {
                    var start = 0
                    for visitor in group {
                        visitor.caller.resume(returning: Array(reports[start..<start + visitor.messages.count]))
                        start += visitor.messages.count
                    }
                }
            } catch {
                // Nothing of the group was committed (the store reloads on a failed commit): each sender may send
                // again. Answered in turn behind the groups before it.
                durable.after(desk.takePendingSync()) {
                    for visitor in group { visitor.caller.resume(throwing: error) }
                }
            }
        }
        if groupCommit.moreWaiting() { Task { self.commitNextGroup() } }
    }

    /// Any other call on the desk, in turn with the rest, at the desk's clock; it starts once every group
    /// committed before it is durable (what it shows or hands over is then on disk), and its own commits are
    /// synced as they are made.
    public func withDesk<T: Sendable>(_ body: @Sendable (Desk, _ now: Int64) throws -> T) throws -> T {
        try requireOpen()
        durable.settle()
        defer { postHealth() }
        return try reachingStore { try body(desk, clock.now()) }
    }

    /// Ingests what a Maildir's new/ holds, exactly as `caredesk ingest` does: in batches of one commit each,
    /// each message moved to cur/ only after its commit; without a mail server the replies are written to
    /// `DATA/outgoing/` as each batch commits.
    public func ingest(maildir path: String, batchSize: Int) throws -> SpoolIngest.Summary {
        try requireOpen()
        durable.settle()
        let ingest = SpoolIngest(desk: desk, delivery: try deliverySettings.outgoingMaildir(dataFolder), batchSize: max(1, batchSize))
        let sign = self.sign
        defer { postHealth() }
        return try reachingStore { try ingest.run([.maildir(path)], now: clock.now(), stopping: { !sign.isOpen }) { _ in } }
    }

    nonisolated func requireOpen() throws {
        guard sign.isOpen else { throw Closed() }
    }

    /// The desk is closing (SIGTERM or SIGINT): it takes no new work.
    public struct Closed: Error, CustomStringConvertible {
        public var description: String { "the desk is closing and takes no new work" }
    }
}

/// The shutdown flag: set once (SIGTERM, SIGINT), read from any thread; while it is set no new work is taken.
final class ShutdownFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var open = true

    var isOpen: Bool { lock.withLock { open } }
    func close() { lock.withLock { open = false } }
}
