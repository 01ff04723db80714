import Delivery
import Desk
import Foundation

extension Reception {
    /// Hands over whatever is due (fresh replies, retries whose time has come), as `caredesk deliver` does,
    /// and remembers its last error (if any message did not go) for the health report.
    @discardableResult
    public func deliverDue() throws -> DeliveryPass.Summary {
        try requireOpen()
        let now = clock.now()
        let summary = try Couriers.deliver(desk: desk, settings: deliverySettings, dataFolder: dataFolder, now: now)
        if summary.sent + summary.deferred + summary.failed > 0 {
            lastDeliveryError = summary.deferred + summary.failed > 0 ? summary.lastError : nil
            logger.info("\(Couriers.describe(summary))")
        }
        return summary
    }

    /// What the clock brings, as `caredesk tick` does: reminders due, the desk's daily summary of failed
    /// messages; then delivery.
    @discardableResult
    public func tick() throws -> (reminders: Int, failures: Int) {
        try requireOpen()
        let now = clock.now()
        let reminders = try desk.queueReminders(now: now, minutesBefore: deliverySettings.reminderMinutes)
        let failures = try desk.queueFailureSummary(now: now)
        if reminders + failures > 0 {
            logger.info("tick", metadata: ["reminders": "\(reminders)", "failureSummaries": "\(failures)"])
        }
        try deliverDue()
        return (reminders, failures)
    }

    /// The store's and the outbox's counts and the last delivery's outcome; no patient's details.
    public func health() -> HealthReport {
        let state = desk.state
        var outbox = HealthReport.Outbox()
        var lastSent: Int64?
        for message in state.outbox.values {
            switch message.state {
            case .queued: outbox.queued += 1
            case .sending: outbox.sending += 1
            case .deferred: outbox.deferred += 1
            case .failed: outbox.failed += 1
            case .sent:
                outbox.sent += 1
                if let at = message.finishedAt, at > lastSent ?? .min { lastSent = at }
            }
        }
        let clinic = state.clinic
        return HealthReport(
            store: HealthReport.Store(doctors: clinic?.doctors.count ?? 0, patients: clinic?.patients.count ?? 0,
                                      appointments: clinic?.appointments.count ?? 0),
            outbox: outbox, lastDeliveryError: lastDeliveryError.map(HealthReport.withoutAddresses),
            lastDeliveryAt: lastSent.map { Date(timeIntervalSince1970: TimeInterval($0)) })
    }
}
