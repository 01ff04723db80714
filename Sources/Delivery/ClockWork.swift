import Desk
import Foundation

/// What the clock brings, in one order, for `caredesk tick` (from cron) and `serve`'s reminder round alike:
/// reminders come due, the desk's daily summary of failed messages, the reports of a month just ended, unpaid
/// payment holds released, waitlist offers not answered passed on, retention (when asked: the server runs it once an hour), then delivery (when asked).
public enum ClockWork {
    public struct Summary: Sendable {
        public var reminders = 0
        public var failureSummaries = 0
        public var monthReports = 0
        public var holdsReleased = 0
        /// Waitlist offers not answered in time (passed to the next patient waiting), and waits past their last day.
        public var offersLapsed = 0
        /// What retention let go; nil when it was not asked for.
        public var retention: Desk.Retention?
        /// The delivery pass; nil when it was not asked for.
        public var delivery: DeliveryPass.Summary?
    }

    public static func run(desk: Desk, settings: DeliverySettings, dataFolder: URL, now: Int64, retention: Bool,
                           deliver: Bool) throws -> Summary {
        var summary = Summary()
        summary.reminders = try desk.queueReminders(now: now, minutesBefore: settings.reminderMinutes)
        summary.failureSummaries = try desk.queueFailureSummary(now: now)
        summary.monthReports = try desk.queueMonthReports(now: now)
        summary.holdsReleased = try StripeSetup.endHolds(desk: desk, now: now)
        summary.offersLapsed = try desk.lapseWaitlist(now: now)
        if retention { summary.retention = try desk.applyRetention(dataFolder: dataFolder, settings: settings, now: now) }
        if deliver { summary.delivery = try Couriers.deliver(desk: desk, settings: settings, dataFolder: dataFolder, now: now) }
        return summary
    }
}
