import Desk
import Foundation
import PostgresNIO
import Store

/// Snapshots in the database: the whole state as of a seq, so opening reads one row and the log after it.
/// As with the journal, the generation before the newest is kept (its snapshot and the log after it) and
/// everything older is deleted, so the log table stays as short as `compactEvery` records, twice.
extension PostgresDeskStore {
    public func compactIfDue() throws {
        guard recordsSinceSnapshot >= compactEvery else { return }
        try snapshot(forgettingEarlier: false, onlyIfDue: true)
    }

    public func compact() throws {
        try snapshot(forgettingEarlier: false, onlyIfDue: false)
    }

    /// A snapshot now, and every earlier snapshot and record deleted in the same transaction.
    public func compactForgettingEarlier() throws {
        try snapshot(forgettingEarlier: true, onlyIfDue: false)
    }

    private func snapshot(forgettingEarlier: Bool, onlyIfDue: Bool) throws {
        try db.run("BEGIN")
        do {
            try db.run("SELECT pg_advisory_xact_lock(\(Self.logLockKey))")
            try catchUpOrReload()  // another instance may have compacted already
            if onlyIfDue && recordsSinceSnapshot < compactEvery {
                try db.run("COMMIT")
                return
            }
            let data = try state.snapshotData()
            let next = generation + 1
            var binds = PostgresBindings()
            binds.append(next)
            binds.append(lastSeq)
            binds.append(ByteBuffer(bytes: data))
            try db.run(PostgresQuery(unsafeSQL: "INSERT INTO caredesk_snapshots (generation, through_seq, state) VALUES ($1, $2, $3)", binds: binds))
            if forgettingEarlier {
                try db.run("DELETE FROM caredesk_snapshots WHERE generation < \(next)")
                try db.run("DELETE FROM caredesk_log WHERE seq <= \(lastSeq)")
            } else {
                // Keep generation `generation` (its snapshot and the log after it) against a damaged newest one.
                let kept = try db.run("SELECT coalesce(max(through_seq), 0)::bigint FROM caredesk_snapshots WHERE generation = \(generation)")
                    .rows.first?.decode(Int64.self) ?? 0
                try db.run("DELETE FROM caredesk_snapshots WHERE generation < \(generation)")
                try db.run("DELETE FROM caredesk_log WHERE seq <= \(kept)")
            }
            try db.run("COMMIT")
            generation = next
            recordsSinceSnapshot = 0
        } catch {
            _ = try? db.run("ROLLBACK")
            throw error
        }
    }
}
