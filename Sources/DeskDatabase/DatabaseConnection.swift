import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// One connection to the database, used synchronously from the desk's own thread (never from an event loop):
/// each statement waits for its answer. Opened on first use, and again on the next use after it broke, so a
/// database that went away and came back is found again without a restart.
final class DatabaseConnection {
    let url: DatabaseURL
    let logger: Logger
    private var connection: PostgresConnection?

    init(url: DatabaseURL, logger: Logger) {
        self.url = url
        self.logger = logger
    }

    deinit { close() }

    /// Runs one statement and collects its rows. Throws `DatabaseError`: `unavailable` when the server could not
    /// be reached or the connection broke (it is dropped, and the next call connects anew), `failed` with the
    /// server's SQLSTATE otherwise.
    @discardableResult
    func run(_ query: PostgresQuery) throws -> PostgresQueryResult {
        let connection = try open()
        do {
            return try connection.query(query, logger: logger).wait()
        } catch let error as PSQLError {
            guard let info = error.serverInfo, let state = info[.sqlState] else {
                drop()
                throw DatabaseError(.unavailable(url: url.description, detail: "\(error.code)"))
            }
            // Class 08 (connection exception) and 57 (operator intervention: the server shutting down) end the session.
            if state.hasPrefix("08") || state.hasPrefix("57") {
                drop()
                throw DatabaseError(.unavailable(url: url.description, detail: info[.message] ?? state))
            }
            throw DatabaseError(.failed(sqlState: state, detail: info[.message] ?? "no message"))
        } catch {
            drop()
            throw DatabaseError(.unavailable(url: url.description, detail: "\(error)"))
        }
    }

    func close() {
        guard let connection else { return }
        self.connection = nil
        try? connection.close().wait()
    }

    /// Forgets a broken connection; it is kept alive until its close has finished (postgres-nio wants every
    /// connection closed before it goes).
    private func drop() {
        guard let connection else { return }
        self.connection = nil
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    private func open() throws -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        drop()
        var configuration = PostgresConnection.Configuration(host: url.host, port: url.port, username: url.user,
                                                             password: url.password, database: url.database, tls: .disable)
        configuration.options.connectTimeout = .seconds(5)
        do {
            let opened = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(),
                                                        configuration: configuration, id: 1, logger: logger).wait()
            connection = opened
            return opened
        } catch let error as PSQLError {
            let detail = error.serverInfo?[.message] ?? "\(error.code)"
            throw DatabaseError(.unavailable(url: url.description, detail: detail))
        } catch {
            throw DatabaseError(.unavailable(url: url.description, detail: "\(error)"))
        }
    }
}

extension DatabaseError {
    /// The server's SQLSTATE, when a statement was refused.
    var sqlState: String? {
        if case .failed(let state, _) = kind { return state }
        return nil
    }
}
