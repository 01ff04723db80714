import ArgumentParser
import Desk
import DeskDatabase
import Foundation
import Logging

struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Move a data folder's store into an empty PostgreSQL database, in one transaction.",
        discussion: """
            The data folder keeps its templates, photos, outgoing/ and audit trail; afterwards run every command \
            with --store (or CAREDESK_DATABASE_URL) naming the database. A database that already holds a store is \
            refused, and nothing is written.
            """)

    @Option(name: .long, help: "The data folder whose store moves.")
    var data: String

    @Option(name: .long, help: "The database: postgres://user@host:port/database.")
    var to: String

    func run() throws {
        Desk.bootstrapLogging()
        let url = try DatabaseURL(to)
        let folder = URL(fileURLWithPath: data)
        try DataFolder.requireInitialised(folder)
        let logger = Logger(label: "caredesk.migrate")
        let started = Date()
        let store = try DataFolder.openStore(folder, logger: logger)
        let moved = try PostgresDeskStore.migrate(store.state, shelved: try store.shelf.allRows(), to: url, logger: logger)
        let seconds = Date().timeIntervalSince(started)
        print("Moved \(data) into \(url): \(moved.appointments) appointments, \(moved.patients) patients, "
              + "\(moved.outbox) outbox messages, \(moved.handled) handled ids, \(moved.shelved) history shelf rows (snapshot \(moved.snapshotBytes) bytes) "
              + "in \(String(format: "%.2f", seconds)) s.")
    }
}
