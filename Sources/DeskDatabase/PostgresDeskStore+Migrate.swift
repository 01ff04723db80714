import Desk
import Foundation
import Logging
import PostgresNIO
import Store

/// Moving a data folder's store into PostgreSQL (`caredesk migrate`).
extension PostgresDeskStore {
    /// What `migrate` put into the database.
    public struct Moved: Sendable {
        public var appointments: Int
        public var patients: Int
        public var outbox: Int
        public var handled: Int
        public var shelved: Int
        public var snapshotBytes: Int
    }

    /// Writes `state` into the empty database at `url` as its first snapshot, with every row of the tables beside
    /// the log, in one transaction: refused (nothing written) when the database already holds a store. The schema
    /// is created first if missing. `shelved`: the folder's history shelf (its closed months), moved in the same transaction.
    public static func migrate(_ state: DeskState, shelved: [ShelvedRow] = [], to url: DatabaseURL, logger: Logger) throws -> Moved {
        let db = DatabaseConnection(url: url, logger: logger)
        try SchemaMigrator.migrate(db)
        try db.run("BEGIN")
        do {
            try db.run("SELECT pg_advisory_xact_lock(\(logLockKey))")
            let held = try db.run("SELECT (SELECT count(*) FROM caredesk_log) + (SELECT count(*) FROM caredesk_snapshots) + (SELECT count(*) FROM caredesk_history)")
                .rows.first?.decode(Int64.self) ?? 0
            guard held == 0 else { throw DatabaseError(.notEmpty(url: url.description)) }
            let data = try state.snapshotData()
            var binds = PostgresBindings()
            binds.append(ByteBuffer(bytes: data))
            try db.run(PostgresQuery(unsafeSQL: "INSERT INTO caredesk_snapshots (generation, through_seq, state) VALUES (1, 0, $1)", binds: binds))
            let rows = TableChanges(wholeState: state)
            for statement in rows.statements() { try db.run(statement) }
            try PostgresShelf(db: db).insert(shelved)
            try db.run("COMMIT")
            return Moved(appointments: rows.appointments.count, patients: state.clinic?.patients.count ?? 0,
                         outbox: rows.outbox.count, handled: rows.handled.count, shelved: shelved.count, snapshotBytes: data.count)
        } catch {
            _ = try? db.run("ROLLBACK")
            throw error
        }
    }
}
