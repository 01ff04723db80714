import Logging
import ServiceLifecycle

/// Hands over what the outbox holds due, on its own timer: replies to webhook messages, retries whose time
/// has come, anything a crash or another process left behind.
public struct DeliveryRound: Service {
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
                try await reception.deliverDue()
                complaint.clear()
            } catch is Reception.Closed {
                return
            } catch {
                if complaint.isNews("\(error)") { logger.error("delivery round failed: \(error)") }
            }
        }
    }
}
