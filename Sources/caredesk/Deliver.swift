import ArgumentParser
import Delivery
import Desk
import Foundation
import Logging

struct Deliver: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Hand the outbox's due messages to the mail server (or DATA/outgoing/ when none is configured).",
        discussion: """
            The server comes from DATA/config.json ("smtp": {"url": …, "requireTLS": true, "caFile": …}) or \
            CAREDESK_SMTP_URL; credentials from CAREDESK_SMTP_USER and CAREDESK_SMTP_PASSWORD. Messages the \
            server refuses for now are retried with doubling waits; refused for good, they fail and the desk \
            hears of them once a day. Exit 0 unless the data folder cannot be used.
            """)

    @OptionGroup var options: DataOptions

    func run() throws {
        Desk.bootstrapLogging()
        let now = try options.instant()
        let settings = try DeliverySettings.load(options.folder)
        let desk = try CareDesk.openDesk(options, label: "caredesk.deliver")
        try desk.queueFailureSummary(now: now)
        print(Couriers.describe(try Couriers.deliver(desk: desk, settings: settings, dataFolder: options.folder, now: now)))
    }
}
