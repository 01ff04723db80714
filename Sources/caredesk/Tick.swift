import ArgumentParser
import Delivery
import Desk
import Foundation
import Logging

struct Tick: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Queue what is due by the clock — appointment reminders, the desk's failure summary, the month's reports — and deliver.",
        discussion: """
            Run it from cron every few minutes. Reminders go out at the offsets in DATA/config.json \
            ("reminderMinutes", default [1440, 120]), each once; after downtime only the most recent one due \
            is sent, and never for cancelled or past appointments. On the first tick of a month each doctor \
            who recorded anything gets the EARNINGS report of the month just ended (unless they wrote REPORTS OFF) \
            and the desk the hospital's REPORT, once. Slots held for a payment that has not come by its \
            deadline are released (Stripe is asked first, in case its webhook was lost). Retention: copies in \
            outgoing/ older than "keepOutgoingDays" (30) are removed, handled message ids older than "dedupeDays" \
            (30; kept at most twice that) forgotten, registrations not verified within a day dropped, and months \
            older than "openMonths" (13, the current one included) closed: their reports kept as they stood, their \
            appointments moved out of memory to the history shelf (store/history/ or the database's caredesk_history).
            """)

    @OptionGroup var options: DataOptions

    @Flag(name: .long, help: "Queue only; leave delivery to `caredesk deliver`.")
    var noDeliver = false

    func run() throws {
        Desk.bootstrapLogging()
        let now = try options.instant()
        let settings = try DeliverySettings.load(options.folder)
        let desk = try CareDesk.openDesk(options, label: "caredesk.tick")
        let done = try ClockWork.run(desk: desk, settings: settings, dataFolder: options.folder, now: now, retention: true, deliver: !noDeliver)
        let reminders = done.reminders, failures = done.failureSummaries, reports = done.monthReports, released = done.holdsReleased
        if released > 0 { print("\(released) unpaid hold\(released == 1 ? "" : "s") released.") }
        if done.offersLapsed > 0 { print("\(done.offersLapsed) waitlist offer(s) or wait(s) ended; freed slots offered to the next patient waiting.") }
        if let kept = done.retention, kept != Desk.Retention() {
            print("retention: \(kept.outgoingFilesRemoved) outgoing file(s) removed, \(kept.handledForgotten) handled message id(s) forgotten, "
                  + "\(kept.registrationsDropped) unverified registration(s) dropped, \(kept.monthsClosed) month(s) closed.")
        }
        print("\(reminders) reminder\(reminders == 1 ? "" : "s") queued\(failures > 0 ? "; the desk's summary of \(failures) failed message(s) queued" : "")"
              + (reports > 0 ? "; \(reports) report\(reports == 1 ? "" : "s") of the month just ended queued" : "") + ".")
        if let delivery = done.delivery { print(Couriers.describe(delivery)) }
    }
}
