import ArgumentParser
import Desk
import DeskDatabase
import Foundation
import Logging
import Store

/// Which store a command works on: the database `--store` or `CAREDESK_DATABASE_URL` names (PostgreSQL), or,
/// without either, the data folder's own journal.
struct StoreChoice: Sendable {
    let database: DatabaseURL?

    init(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let text = option ?? environment["CAREDESK_DATABASE_URL"], !text.isEmpty else {
            database = nil
            return
        }
        database = try DatabaseURL(text)
    }

    /// The database's store, or nil for the data folder's journal (the desk opens that itself).
    func open(logger: Logger) throws -> (any StateStore<DeskState>)? {
        guard let database else { return nil }
        return try PostgresDeskStore(url: database, logger: logger)
    }

    /// How `serve` hears at once of replies other instances queued on the database; nil for the journal.
    func workNotices(logger: Logger) -> (@Sendable (_ heard: @escaping @Sendable () -> Void) async -> Void)? {
        guard let url = database else { return nil }
        return { heard in await WorkNotices.listen(url: url, logger: logger, heard: heard) }
    }
}
