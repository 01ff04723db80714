import Logging
import ServiceLifecycle

/// Work the desk does on a timer, in turn with everything else at the reception: the delivery round (replies
/// to webhook messages, retries whose time has come, anything a crash or another process left behind) and
/// the reminder round (what `caredesk tick` from cron would do: reminders come due, the desk's daily summary
/// of failed messages, then delivery). A failure is logged when it starts and when it changes.
public struct Round: Service {
    let name: String
    let reception: Reception
    let cadence: Cadence
    let logger: Logger
    let work: @Sendable (Reception) async throws -> Void

    init(_ name: String, reception: Reception, interval: Duration, wakeup: Wakeup? = nil, logger: Logger,
         work: @escaping @Sendable (Reception) async throws -> Void) {
        self.name = name
        self.reception = reception
        cadence = Cadence(interval: interval, wakeup: wakeup)
        self.logger = logger
        self.work = work
    }

    /// `wakeup`, rung when another instance queued replies, starts the round before its interval is up.
    static func delivery(reception: Reception, interval: Duration, wakeup: Wakeup? = nil, logger: Logger) -> Round {
        Round("delivery", reception: reception, interval: interval, wakeup: wakeup, logger: logger) { try await $0.deliverDue() }
    }

    public static func reminders(reception: Reception, interval: Duration, logger: Logger) -> Round {
        Round("reminder", reception: reception, interval: interval, logger: logger) { _ = try await $0.tick() }
    }

    public func run() async throws {
        let complaint = Complaint()
        await cadence.keep {
            guard reception.isOpen else { return }
            do {
                try await work(reception)
                complaint.clear()
            } catch is Reception.Closed {
                return
            } catch {
                if complaint.isNews("\(error)") { logger.error("\(name) round failed: \(error)") }
            }
        }
    }
}
