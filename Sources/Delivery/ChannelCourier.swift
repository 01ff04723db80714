import Desk

/// One courier per worker that hands each message to the courier of its channel: mail to the SMTP server
/// (or `outgoing/`), texts to the SMS gateway (or `outgoing-sms/`). An SMS gateway that cannot be reached
/// does not stop the mail: its texts wait for the next pass, and the rest of this pass tries it no more.
public final class ChannelCourier: Courier, @unchecked Sendable {
    // One delivery worker uses a courier at a time (DeliveryPass gives each worker its own).
    private let mail: any Courier
    private let sms: any Courier
    private var smsUnreachable: String?

    public init(mail: any Courier, sms: any Courier) {
        self.mail = mail
        self.sms = sms
    }

    public func hand(_ message: OutboxMessage) -> CourierResult {
        guard message.channel == .sms else { return mail.hand(message) }
        if let reason = smsUnreachable { return .deferred(reason) }
        let result = sms.hand(message)
        if case .unreachable(let reason) = result {
            smsUnreachable = "the SMS gateway: \(reason)"
            return .deferred(smsUnreachable!)
        }
        return result
    }
}
