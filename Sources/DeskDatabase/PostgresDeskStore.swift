import Clinic
import Desk
import Foundation
import Logging
import PostgresNIO
import Store

/// The desk's state in PostgreSQL, for several desks (instances of `caredesk serve`, an `ingest`, a `tick`) on
/// one database. The same design as the data folder's journal, with the database as the file: an ordered log
/// of records (`caredesk_log`) over a snapshot (`caredesk_snapshots`). Every commit runs in one transaction
/// that first takes a transaction-scoped advisory lock, then reads the records other instances committed
/// since this one last looked, applies them, decides on that up-to-date state, and appends its own records:
/// no decision is ever made on stale state, and `seq` has no gaps. Beside the log, the same transaction keeps
/// tables the database itself holds true — no doctor with two active appointments that overlap (an exclusion
/// constraint), each inbound message id once — and the outbox as operators query it.
///
/// Not `Sendable`: one per process, used from one thread (the desk's); each statement waits for its answer.
public final class PostgresDeskStore: StateStore {
    public typealias State = DeskState

    /// The advisory lock every commit takes (transaction-scoped: released by COMMIT or ROLLBACK, or when the
    /// session dies, so a killed instance never holds it).
    static let logLockKey: Int64 = 0x4341_5245_0002
    /// The channel NOTIFY tells on of commits that queued replies (the payload is the commit's last seq).
    public static let notifyChannel = "caredesk_log"

    public let url: DatabaseURL
    public let compactEvery: Int
    public private(set) var state = DeskState()
    public private(set) var notes: [String] = []
    /// Commits here are durable when COMMIT returns: there is never a sync left to run.
    public var defersSync = false
    /// The last record this instance has applied.
    public private(set) var lastSeq: Int64 = 0
    /// The newest snapshot's generation as of the last load or compaction.
    public internal(set) var generation: Int64 = 0
    /// Records since the newest snapshot, as far as this instance knows.
    public internal(set) var recordsSinceSnapshot = 0

    /// Set when a commit failed and the state could not be reloaded at once (the database went away): it may
    /// hold what was never committed, so the next call reloads before anything is decided on it.
    var stale = false
    let db: DatabaseConnection
    let recordEncoder = RecordEncoder()
    let decoder = JSONDecoder()

    /// Opens the store on `url`, whose schema must be this caredesk's (`caredesk init --store` makes it), and
    /// loads the newest snapshot and the log after it.
    public init(url: DatabaseURL, logger: Logger, compactEvery: Int = 50_000) throws {
        precondition(compactEvery > 0, "compactEvery must be positive")
        self.url = url
        self.compactEvery = compactEvery
        db = DatabaseConnection(url: url, logger: logger)
        let version = try SchemaMigrator.version(db)
        let known = Migration.all.last?.version ?? 0
        guard version > 0 else { throw DatabaseError(.notInitialised(url: url.description)) }
        guard version <= known else { throw DatabaseError(.schemaTooNew(found: version, known: known)) }
        guard version == known else {
            throw DatabaseError(.failed(sqlState: nil, detail: "the schema is at version \(version) of \(known): run `caredesk init --store \(url)` to migrate it"))
        }
        try locked { try reload() }
    }

    /// Creates or migrates the schema (every due step in one transaction); returns the versions applied.
    @discardableResult
    public static func prepare(url: DatabaseURL, logger: Logger) throws -> [Int] {
        try SchemaMigrator.migrate(DatabaseConnection(url: url, logger: logger))
    }

    public func takePendingSync() -> JournalSync? { nil }

    public func update<T>(_ body: (inout DeskState) throws -> (records: [DeskRecord], result: T)) throws -> T {
        try db.run("BEGIN")
        var appended: [DeskRecord] = []
        do {
            try db.run("SELECT pg_advisory_xact_lock(\(Self.logLockKey))")
            try catchUpOrReload()
            let (records, result) = try body(&state)
            appended = records
            if !records.isEmpty { try append(records) }
            try db.run("COMMIT")
            lastSeq += Int64(records.count)
            recordsSinceSnapshot += records.count
            return result
        } catch {
            _ = try? db.run("ROLLBACK")
            let refused = (error as? DatabaseError)?.sqlState == "23P01"
            let wanted = refused ? TableChanges(records: appended, after: state).appointments : []
            // The body changed the state in place: bring it back to what is committed — now if the database
            // answers, else first thing next time (the state is not to be decided on until then).
            stale = true
            try? locked { try reload() }
            if refused { throw IntervalsTaken(try takenIntervals(wanted)) }
            throw error
        }
    }

    public func refresh() throws {
        try locked { try catchUpOrReload() }
    }

    /// Catches up, or reloads when a failed commit left the state ahead of what is committed.
    func catchUpOrReload() throws {
        if stale { try reload() } else { try catchUp() }
    }

    /// Takes the log's lock in a transaction of its own for `body` (reading only), then ends it.
    func locked(_ body: () throws -> Void) throws {
        try db.run("BEGIN")
        do {
            try db.run("SELECT pg_advisory_xact_lock(\(Self.logLockKey))")
            try body()
            try db.run("COMMIT")
        } catch {
            _ = try? db.run("ROLLBACK")
            throw error
        }
    }

    /// Applies what others committed since `lastSeq`. When the records right after it are gone (another instance
    /// compacted them away while this one was behind), the newest snapshot is loaded instead. Caller holds the lock.
    func catchUp() throws {
        // One round trip: the records after lastSeq, and a row of seq 0 when the newest snapshot is past lastSeq
        // (then the records right after lastSeq may have been deleted by a compaction).
        let rows = try db.run("""
            SELECT seq, record FROM caredesk_log WHERE seq > \(lastSeq)
            UNION ALL SELECT 0, NULL FROM (SELECT max(through_seq) AS through FROM caredesk_snapshots) s WHERE s.through > \(lastSeq)
            ORDER BY 1
            """).rows
        var expected = lastSeq + 1
        var unread: [DeskRecord] = []
        var snapshotAhead = false
        for row in rows {
            let (seq, bytes) = try row.decode((Int64, ByteBuffer?).self)
            if seq == 0 {
                snapshotAhead = true
                continue
            }
            guard seq == expected, let bytes else { return try reload() }
            unread.append(try decodeRecord(bytes, seq: seq))
            expected += 1
        }
        if unread.isEmpty {
            if snapshotAhead { try reload() }
            return
        }
        for record in unread { state.apply(record) }
        lastSeq = expected - 1
        recordsSinceSnapshot += unread.count
    }

    /// Loads the newest snapshot and every record after it. Caller holds the lock.
    func reload() throws {
        var loaded = DeskState()
        var through: Int64 = 0
        var generation: Int64 = 0
        if let row = try db.run("SELECT generation, through_seq, state FROM caredesk_snapshots ORDER BY generation DESC LIMIT 1").rows.first {
            let (g, t, bytes) = try row.decode((Int64, Int64, ByteBuffer).self)
            do {
                loaded = try DeskState(snapshotData: Data(bytes.readableBytesView))
            } catch {
                throw DatabaseError(.unreadable(what: "snapshot \(g)", detail: "\(error)"))
            }
            through = t
            generation = g
        }
        let rows = try db.run("SELECT seq, record FROM caredesk_log WHERE seq > \(through) ORDER BY seq").rows
        var expected = through + 1
        for row in rows {
            let (seq, bytes) = try row.decode((Int64, ByteBuffer).self)
            guard seq == expected else {
                throw DatabaseError(.unreadable(what: "log", detail: "record \(expected) is missing (the next is \(seq))"))
            }
            loaded.apply(try decodeRecord(bytes, seq: seq))
            expected += 1
        }
        state = loaded
        stale = false
        lastSeq = expected - 1
        self.generation = generation
        recordsSinceSnapshot = Int(lastSeq - through)
    }

    private func decodeRecord(_ bytes: ByteBuffer, seq: Int64) throws -> DeskRecord {
        do {
            return try decoder.decode(DeskRecord.self, from: Data(bytes.readableBytesView))
        } catch {
            throw DatabaseError(.unreadable(what: "record \(seq)", detail: "\(error)"))
        }
    }

    /// Appends the records after `lastSeq` (one statement), keeps the tables beside the log, and tells the other
    /// instances when replies were queued (NOTIFY is delivered at commit, and only if it commits).
    private func append(_ records: [DeskRecord]) throws {
        var seqs: [Int64] = [], bodies: [ByteBuffer] = []
        seqs.reserveCapacity(records.count)
        bodies.reserveCapacity(records.count)
        for (i, record) in records.enumerated() {
            recordEncoder.bytes.removeAll(keepingCapacity: true)
            do {
                try recordEncoder.encode(record)
            } catch {
                throw DatabaseError(.failed(sqlState: nil, detail: "a record could not be encoded: \(error)"))
            }
            seqs.append(lastSeq + 1 + Int64(i))
            bodies.append(ByteBuffer(bytes: recordEncoder.bytes))
        }
        var binds = PostgresBindings()
        binds.append(seqs)
        binds.append(bodies)
        try db.run(PostgresQuery(unsafeSQL: "INSERT INTO caredesk_log (seq, record) SELECT * FROM unnest($1::bigint[], $2::bytea[])", binds: binds))
        let changes = TableChanges(records: records, after: state)
        for statement in changes.statements() { try db.run(statement) }
        if changes.queuesWork {
            try db.run("SELECT pg_notify(\(Self.notifyChannel), \(String(lastSeq + Int64(records.count))))")
        }
    }

    /// The intervals of `wanted` that an active appointment already in the table overlaps (another writer's).
    private func takenIntervals(_ wanted: [Appointment]) throws -> [IntervalsTaken.Interval] {
        var taken: [IntervalsTaken.Interval] = []
        for appointment in wanted where appointment.isActive {
            let rows = try db.run("""
                SELECT 1 FROM caredesk_appointments WHERE active AND doctor_id = \(appointment.doctorID) AND ref <> \(appointment.ref)
                AND during && tstzrange(to_timestamp(\(appointment.start)), to_timestamp(\(appointment.end)), '[)') LIMIT 1
                """).rows
            if rows.first != nil {
                taken.append(.init(owner: appointment.doctorID, start: appointment.start, end: appointment.end))
            }
        }
        return taken
    }
}
