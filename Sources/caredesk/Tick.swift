import ArgumentParser
import Delivery
import Desk
import Foundation
import Logging

struct Tick: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Queue what is due by the clock — appointment reminders, the desk's failure summary — and deliver.",
        discussion: """
            Run it from cron every few minutes. Reminders go out at the offsets in DATA/config.json \
            ("reminderMinutes", default [1440, 120]), each once; after downtime only the most recent one due \
            is sent, and never for cancelled or past appointments.
            """)

    @OptionGroup var options: DataOptions

    @Flag(name: .long, help: "Queue only; leave delivery to `caredesk deliver`.")
    var noDeliver = false

    func run() throws {
        CareDesk.bootstrapLogging()
        let now = try options.instant()
        let settings = try DeliverySettings.load(options.folder)
        let desk = try CareDesk.openDesk(options, label: "caredesk.tick")
        let reminders = try desk.queueReminders(now: now, minutesBefore: settings.reminderMinutes)
        let failures = try desk.queueFailureSummary(now: now)
        print("\(reminders) reminder\(reminders == 1 ? "" : "s") queued\(failures > 0 ? "; the desk's summary of \(failures) failed message(s) queued" : "").")
        guard !noDeliver else { return }
        print(Couriers.describe(try Couriers.deliver(desk: desk, settings: settings, dataFolder: options.folder, now: now)))
    }
}
