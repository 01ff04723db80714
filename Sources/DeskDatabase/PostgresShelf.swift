import Foundation
import PostgresNIO
import Store

/// The history shelf in PostgreSQL (`caredesk_history`, one row per owner and shelf), on the store's own
/// connection: each write is its own transaction, never inside a commit's.
struct PostgresShelf: HistoryShelf {
    let db: DatabaseConnection

    func shelve(_ shelf: String, rows: [ShelvedRow]) throws {
        try inTransaction {
            var binds = PostgresBindings()
            binds.append(shelf)
            try db.run(PostgresQuery(unsafeSQL: "DELETE FROM caredesk_history WHERE shelf = $1", binds: binds))
            try insert(rows)
        }
    }

    func rows(of owner: String) throws -> [ShelvedRow] {
        var binds = PostgresBindings()
        binds.append(owner)
        return try read(PostgresQuery(unsafeSQL: "SELECT shelf, owner, record FROM caredesk_history WHERE owner = $1 ORDER BY shelf", binds: binds))
    }

    func replaceRows(of owner: String, with rows: [ShelvedRow]) throws {
        try inTransaction {
            var binds = PostgresBindings()
            binds.append(owner)
            let held = try db.run(PostgresQuery(unsafeSQL: "DELETE FROM caredesk_history WHERE owner = $1 RETURNING shelf", binds: binds))
                .rows.map { try $0.decode(String.self) }
            try insert(rows.filter { $0.owner == owner && held.contains($0.shelf) })
        }
    }

    func allRows() throws -> [ShelvedRow] {
        try read("SELECT shelf, owner, record FROM caredesk_history ORDER BY shelf, owner")
    }

    /// Inserts rows within the caller's transaction (`caredesk migrate` moves a folder's shelf in its own).
    func insert(_ rows: [ShelvedRow]) throws {
        guard !rows.isEmpty else { return }
        var binds = PostgresBindings()
        binds.append(rows.map(\.shelf))
        binds.append(rows.map(\.owner))
        binds.append(rows.map { ByteBuffer(bytes: $0.bytes) })
        try db.run(PostgresQuery(unsafeSQL: """
            INSERT INTO caredesk_history (shelf, owner, record) SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[])
            """, binds: binds))
    }

    private func read(_ query: PostgresQuery) throws -> [ShelvedRow] {
        try db.run(query).rows.map { row in
            let (shelf, owner, record) = try row.decode((String, String, ByteBuffer).self)
            return ShelvedRow(shelf: shelf, owner: owner, bytes: Data(record.readableBytesView))
        }
    }

    private func inTransaction(_ body: () throws -> Void) throws {
        try db.run("BEGIN")
        do {
            try body()
            try db.run("COMMIT")
        } catch {
            _ = try? db.run("ROLLBACK")
            throw error
        }
    }
}

extension PostgresDeskStore {
    public var shelf: any HistoryShelf { PostgresShelf(db: db) }
}
