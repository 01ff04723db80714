import ArgumentParser
import Foundation
import Delivery
import Desk
import Logging

@main
struct CareDesk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caredesk",
        abstract: "A hospital's appointment desk that works by email: reads commands from mail, books, answers.",
        subcommands: [Init.self, Migrate.self, Ingest.self, Deliver.self, Tick.self, Serve.self, Show.self, Broadcast.self, Report.self, Audit.self, StoreTools.self])

    /// The desk of a data folder, with its templates (CAREDESK_TEMPLATES, DATA/templates or the shipped ones).
    static func openDesk(_ folder: URL, label: String, store: StoreChoice? = nil) throws -> Desk {
        try Desk.open(folder, label: label, store: try store?.open(logger: Logger(label: label)))
    }

    /// The desk of the data folder the options name, drawing its codes as the options say.
    static func openDesk(_ options: DataOptions, label: String) throws -> Desk {
        let desk = try openDesk(options.folder, label: label, store: try options.storeChoice())
        desk.randomness = try options.randomness()
        desk.payments = try StripeSetup.payments()
        return desk
    }

}
