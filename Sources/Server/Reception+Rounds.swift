import Delivery
import Desk
import Foundation
import Store

extension Reception {
    /// Hands over whatever is due (fresh replies, retries whose time has come), as `caredesk deliver` does,
    /// and remembers its last error (if any message did not go) for the health report.
    @discardableResult
    public func deliverDue() throws -> DeliveryPass.Summary {
        try requireOpen()
        // Replies of queued groups go out only once their commits are on disk.
        durable.settle()
        let now = clock.now()
        defer { postHealth() }
        let summary = try reachingStore { try Couriers.deliver(desk: desk, settings: deliverySettings, dataFolder: dataFolder, now: now) }
        if summary.sent + summary.deferred + summary.failed > 0 {
            lastDeliveryError = summary.deferred + summary.failed > 0 ? summary.lastError : nil
            // A server's refusal may quote the recipient's address: never in a log line.
            logger.info("\(HealthReport.withoutAddresses(Couriers.describe(summary)))")
        }
        return summary
    }

    /// What the clock brings, as `caredesk tick` does: reminders due, the desk's daily summary of failed
    /// messages; then delivery.
    @discardableResult
    public func tick() throws -> (reminders: Int, failures: Int) {
        try requireOpen()
        durable.settle()
        let now = clock.now()
        return try reachingStore { try tick(now: now) }
    }

    private func tick(now: Int64) throws -> (reminders: Int, failures: Int) {
        // Retention walks outgoing/ and every registration: once an hour is plenty, not every tick round.
        let retentionDue = now - (lastRetentionAt ?? .min / 2) >= Self.retentionInterval
        // Delivery below, as a round of its own: its outcome is remembered for the health report.
        let done = try ClockWork.run(desk: desk, settings: deliverySettings, dataFolder: dataFolder, now: now, retention: retentionDue, deliver: false)
        if let kept = done.retention {
            lastRetention = kept
            lastRetentionAt = now
        }
        if let kept = done.retention, kept != Desk.Retention() {
            logger.info("retention", metadata: ["outgoingFilesRemoved": "\(kept.outgoingFilesRemoved)", "handledForgotten": "\(kept.handledForgotten)",
                                                "registrationsDropped": "\(kept.registrationsDropped)",
                                                "monthsClosed": "\(kept.monthsClosed)"])
        }
        if done.reminders + done.failureSummaries + done.monthReports + done.holdsReleased + done.offersLapsed > 0 {
            logger.info("tick", metadata: ["reminders": "\(done.reminders)", "failureSummaries": "\(done.failureSummaries)",
                                           "monthReports": "\(done.monthReports)", "holdsReleased": "\(done.holdsReleased)", "offersLapsed": "\(done.offersLapsed)"])
        }
        try deliverDue()
        return (done.reminders, done.failureSummaries)
    }

    /// The store's and the outbox's counts and the last delivery's outcome, as last posted; no patient's
    /// details. Read without a turn on the desk's queue.
    public nonisolated func health() -> HealthReport { board.current }

    /// Posts the health report of the desk as it is now: counts the store and the outbox keep, nothing walked.
    func postHealth() {
        let database = databaseURL.map { HealthReport.Database(url: $0, reachable: databaseError == nil, lastError: databaseError) }
        board.post(Self.report(of: desk.state, lastDeliveryError: lastDeliveryError, retention: lastRetention, database: database))
    }

    /// Runs a call on the desk, noting whether the store's database answered: a call that could not reach it
    /// marks it unreachable (health says so, with 503), the next one that does marks it reachable again.
    func reachingStore<T>(_ call: () throws -> T) throws -> T {
        do {
            let result = try call()
            if databaseError != nil {
                databaseError = nil
                logger.warning("the database answers again")
                postHealth()
            }
            return result
        } catch let failure as any StoreFailure where failure.isTemporary {
            if databaseError == nil { logger.error("the database cannot be reached: \(failure)") }
            databaseError = "\(failure)"
            postHealth()
            throw failure
        }
    }

    static func report(of state: DeskState, lastDeliveryError: String?, retention: Desk.Retention = Desk.Retention(),
                       database: HealthReport.Database? = nil) -> HealthReport {
        let counts = state.outbox.counts
        let outbox = HealthReport.Outbox(queued: counts[.queued] ?? 0, sending: counts[.sending] ?? 0, deferred: counts[.deferred] ?? 0,
                                         failed: counts[.failed] ?? 0, sent: counts[.sent] ?? 0)
        let clinic = state.clinic
        var report = HealthReport(
            store: HealthReport.Store(doctors: clinic?.doctors.count ?? 0, patients: clinic?.patients.count ?? 0,
                                      appointments: clinic?.appointments.count ?? 0),
            outbox: outbox, lastDeliveryError: lastDeliveryError.map(HealthReport.withoutAddresses),
            lastDeliveryAt: state.outbox.lastSentAt.map { Date(timeIntervalSince1970: TimeInterval($0)) })
        report.retention = HealthReport.Retention(handledIDsKept: state.handled.count + state.handledBefore.count,
                                                  outgoingFilesRemoved: retention.outgoingFilesRemoved,
                                                  handledIDsForgotten: retention.handledForgotten,
                                                  registrationsDropped: retention.registrationsDropped,
                                                  monthsClosed: clinic.map { $0.closedMonths.isEmpty ? nil : $0.closedMonths.count } ?? nil,
                                                  oldestOpenMonth: clinic?.closedMonths.keys.max().map { $0.next.iso })
        report.database = database
        if database?.reachable == false { report.status = "database unreachable" }
        return report
    }
}
