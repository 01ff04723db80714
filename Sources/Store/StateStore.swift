import Foundation

/// Where a desk keeps its state: an ordered log of records over a snapshot, wherever they are kept (the data
/// folder's journal, a PostgreSQL table). Every implementation gives the same promises:
/// - `update` sees whatever any other process committed before it (it catches up first), and the records its
///   body returns are durable, in order, before it returns — or nothing of them is, and it throws;
/// - replaying the committed records from the empty state reaches `state` exactly;
/// - compacting never changes `state`.
/// Not `Sendable`: one instance per process (or actor); calls must not nest.
public protocol StateStore<State>: AnyObject {
    associatedtype State: StoreState

    /// The state as of this instance's last catch-up or commit.
    var state: State { get }
    /// What opening repaired or noticed that an operator should hear of; never record contents.
    var notes: [String] { get }
    /// When true, a commit may leave its durability to `takePendingSync()` (the journal's group commit).
    /// A store whose commit is durable by itself ignores it.
    var defersSync: Bool { get set }
    /// The sync owed for commits made while `defersSync` was on, if any.
    func takePendingSync() -> JournalSync?

    /// Catches up with other writers, then lets `body` change the state in place and return the records that
    /// describe exactly those changes; they are committed (not applied again). If `body` or the commit throws,
    /// the state is brought back to what is committed.
    func update<T>(_ body: (inout State) throws -> (records: [State.Record], result: T)) throws -> T
    /// Catches up with other writers without committing.
    func refresh() throws
    /// Writes a snapshot if enough records accumulated since the last one; cheap when not due.
    func compactIfDue() throws
    /// Writes a snapshot now.
    func compact() throws
    /// Writes a snapshot now and removes every earlier snapshot and record: what the state no longer holds
    /// (a patient who asked to be forgotten) is then nowhere in the store.
    func compactForgettingEarlier() throws

    /// Claims, for this process alone, up to `limit` outbox messages due at `now` until `until`, in the order
    /// they should go (fresh before retries, oldest first), when the store claims them itself — a database whose
    /// rows are taken `FOR UPDATE SKIP LOCKED`, so several processes claim at once without waiting on each
    /// other. Returns their ids, or nil when claims are journaled as records instead (the journal).
    func claimOutbox(dueAt now: Int64, limit: Int, until: Int64) throws -> [String]?
    /// Whether `claimOutbox` claims (so other processes may be handing the same outbox over right now, and
    /// nothing may be handed over without a claim).
    var claimsOutbox: Bool { get }

    /// Where what the state lets go of is kept (closed months), read back by owner.
    var shelf: any HistoryShelf { get }
}

extension StateStore {
    public var claimsOutbox: Bool { false }

    public func claimOutbox(dueAt now: Int64, limit: Int, until: Int64) throws -> [String]? { nil }
}

extension JSONStore: StateStore {}
