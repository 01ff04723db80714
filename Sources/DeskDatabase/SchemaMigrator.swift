import PostgresNIO

/// Brings the database's schema to the newest version this caredesk knows: every due step in one transaction,
/// under a transaction-scoped advisory lock so two instances starting at once apply each step once.
enum SchemaMigrator {
    /// The advisory lock key of migrations (any fixed number distinct from the log's).
    static let lockKey: Int64 = 0x4341_5245_0001

    /// Returns the versions applied now (empty when the schema was up to date).
    @discardableResult
    static func migrate(_ db: DatabaseConnection) throws -> [Int] {
        try db.run("BEGIN")
        do {
            try db.run("SELECT pg_advisory_xact_lock(\(lockKey))")
            try db.run("""
                CREATE TABLE IF NOT EXISTS caredesk_schema (
                    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                """)
            let current = try version(db)
            let known = Migration.all.last?.version ?? 0
            guard current <= known else { throw DatabaseError(.schemaTooNew(found: current, known: known)) }
            var applied: [Int] = []
            for step in Migration.all where step.version > current {
                for statement in step.statements { try db.run(PostgresQuery(unsafeSQL: statement)) }
                try db.run("INSERT INTO caredesk_schema (version, name) VALUES (\(step.version), \(step.name))")
                applied.append(step.version)
            }
            try db.run("COMMIT")
            return applied
        } catch {
            _ = try? db.run("ROLLBACK")
            throw error
        }
    }

    /// The schema's version: 0 before the first migration.
    static func version(_ db: DatabaseConnection) throws -> Int {
        let exists = try db.run("SELECT to_regclass('caredesk_schema') IS NOT NULL")
        guard let row = exists.rows.first, try row.decode(Bool.self) else { return 0 }
        let rows = try db.run("SELECT coalesce(max(version), 0)::bigint FROM caredesk_schema")
        return Int(try rows.rows.first?.decode(Int64.self) ?? 0)
    }
}
