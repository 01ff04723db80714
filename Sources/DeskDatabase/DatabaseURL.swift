import Foundation

/// Where the desk's database is: `postgres://user[:password]@host[:port]/database` (RFC 3986, as libpq writes
/// it; `postgresql://` too). The password may instead come from `PGPASSWORD`, as libpq does.
public struct DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String

    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let parts = URLComponents(string: text), let scheme = parts.scheme,
              scheme == "postgres" || scheme == "postgresql" else {
            throw DatabaseError(.badURL(text: Self.withoutPassword(text)))
        }
        guard let host = parts.host, !host.isEmpty, let user = parts.user, !user.isEmpty else {
            throw DatabaseError(.badURL(text: Self.withoutPassword(text)))
        }
        let database = String(parts.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else { throw DatabaseError(.badURL(text: Self.withoutPassword(text))) }
        self.host = host
        self.port = parts.port ?? 5432
        self.user = user.removingPercentEncoding ?? user
        self.password = parts.password?.removingPercentEncoding ?? environment["PGPASSWORD"]
        self.database = database.removingPercentEncoding ?? database
    }

    /// The URL as logs and errors may show it: never the password.
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    static func withoutPassword(_ text: String) -> String {
        guard var parts = URLComponents(string: text), parts.password != nil else { return text }
        parts.password = "***"
        return parts.string ?? "(an unreadable URL)"
    }
}
