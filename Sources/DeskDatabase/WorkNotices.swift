import Logging
import NIOPosix
import PostgresNIO

/// LISTEN for the notices commits send when they queue replies (`PostgresDeskStore.notifyChannel`), on a
/// connection of its own: every instance hears at once of work any of them queued. A broken connection is
/// opened again after a second, until the caller's task is cancelled.
public enum WorkNotices {
    public static func listen(url: DatabaseURL, logger: Logger, heard: @escaping @Sendable () -> Void) async {
        var configuration = PostgresConnection.Configuration(host: url.host, port: url.port, username: url.user,
                                                             password: url.password, database: url.database, tls: .disable)
        configuration.options.connectTimeout = .seconds(5)
        var complained = false
        while !Task.isCancelled {
            do {
                let connection = try await PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(),
                                                                      configuration: configuration, id: 2, logger: logger)
                complained = false
                heard()  // whatever was queued while this instance was not listening
                do {
                    try await connection.listen(on: PostgresDeskStore.notifyChannel) { notices in
                        for try await _ in notices { heard() }
                    }
                } catch {
                    try? await connection.close()
                    throw error
                }
                try? await connection.close()
            } catch {
                if !complained && !Task.isCancelled {
                    logger.warning("not hearing of work other instances queue (the delivery round still looks every poll)",
                                   metadata: ["error": "\(String(describing: error).prefix(200))"])
                    complained = true
                }
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }
}
