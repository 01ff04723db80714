import ArgumentParser
import Desk
import DeskDatabase
import Foundation
import Logging

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a data folder seeded with a clinic (the sample clinic by default).")

    @Option(name: .long, help: "The data folder to create.")
    var data: String

    @Option(name: .long, help: "Keep the store in this database (postgres://user@host:port/database; also CAREDESK_DATABASE_URL): its schema is created or migrated first.")
    var store: String?

    @Option(name: .long, help: "A clinic file (JSON); default: the sample clinic, Samples/clinic.json.")
    var clinic: String?

    func run() throws {
        Desk.bootstrapLogging()
        guard let file = clinic.map(URL.init(fileURLWithPath:)) ?? ShippedFiles.file("Samples/clinic.json") else {
            throw ValidationError("no --clinic given and the sample clinic (Samples/clinic.json) was not found")
        }
        let setup = try DataFolder.readClinic(file)
        let choice = try StoreChoice(option: store)
        if let database = choice.database {
            let logger = Logger(label: "caredesk.init")
            let applied = try PostgresDeskStore.prepare(url: database, logger: logger)
            if !applied.isEmpty { print("Migrated \(database) to schema version \(applied.last!).") }
            try DataFolder.initialise(URL(fileURLWithPath: data), setup: setup, store: try choice.open(logger: logger))
            print("Initialised \(data) with \(setup.clinic.name) in \(database): \(setup.doctors.count) doctors.")
            return
        }
        try DataFolder.initialise(URL(fileURLWithPath: data), setup: setup)
        print("Initialised \(data) with \(setup.clinic.name): \(setup.doctors.count) doctors.")
    }
}
