import Logging
import ServiceLifecycle

/// The clock's work on a timer, as `caredesk tick` from cron would do it: appointment reminders that have
/// come due, the desk's daily summary of failed messages, then delivery.
public struct ReminderRound: Service {
    let reception: Reception
    let cadence: Cadence
    let logger: Logger

    public init(reception: Reception, interval: Duration, logger: Logger) {
        self.reception = reception
        cadence = Cadence(interval: interval)
        self.logger = logger
    }

    public func run() async throws {
        let complaint = Complaint()
        await cadence.keep {
            guard reception.isOpen else { return }
            do {
                try await reception.tick()
                complaint.clear()
            } catch is Reception.Closed {
                return
            } catch {
                if complaint.isNews("\(error)") { logger.error("reminder round failed: \(error)") }
            }
        }
    }
}
