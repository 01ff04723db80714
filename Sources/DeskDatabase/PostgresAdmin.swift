import Logging
import PostgresNIO

/// Creating and dropping whole databases on a server, for the benches (`caredesk-bench instances`): each run
/// makes databases of its own and drops them at the end. The server's URL names a database to connect to
/// for that (usually `postgres`). Only plain names are taken (`[a-z0-9_]`, at most 63 bytes, not starting
/// with a digit), so a name is never quoted or escaped into the statement.
public enum PostgresAdmin {
    /// `CREATE DATABASE name` on the server `server` points at.
    public static func createDatabase(_ name: String, on server: DatabaseURL, logger: Logger) throws {
        try requirePlain(name)
        let db = DatabaseConnection(url: server, logger: logger)
        defer { db.close() }
        try db.run(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
    }

    /// `DROP DATABASE IF EXISTS name WITH (FORCE)`: sessions still open on it are ended first.
    public static func dropDatabase(_ name: String, on server: DatabaseURL, logger: Logger) throws {
        try requirePlain(name)
        let db = DatabaseConnection(url: server, logger: logger)
        defer { db.close() }
        try db.run(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"))
    }

    /// The URL of database `name` on the same server, as the same user.
    public static func url(of name: String, on server: DatabaseURL) throws -> DatabaseURL {
        try requirePlain(name)
        var url = server
        url.database = name
        return url
    }

    /// Whether `name` is one these functions take: `[a-z0-9_]`, 1–63 bytes, not starting with a digit.
    public static func isPlain(_ name: String) -> Bool {
        guard let first = name.utf8.first, name.utf8.count <= 63, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            return false
        }
        return name.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_")
        }
    }

    static func requirePlain(_ name: String) throws {
        guard isPlain(name) else {
            throw DatabaseError(.failed(sqlState: "42602", detail: "database name \(name) refused: only [a-z0-9_] (1–63, not starting with a digit)"))
        }
    }
}
