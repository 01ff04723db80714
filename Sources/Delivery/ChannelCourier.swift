import Desk

/// One courier per worker that hands each message to the courier of its channel: mail to the SMTP server
/// (or `outgoing/`), texts to the SMS gateway (or `outgoing-sms/`), events to their webhook endpoints, payment
/// calls to Stripe. An SMS
/// gateway or an endpoint that cannot be reached does not stop the mail: what was for it waits for the next
/// pass, and the rest of this pass tries it no more.
public final class ChannelCourier: Courier, @unchecked Sendable {
    // One delivery worker uses a courier at a time (DeliveryPass gives each worker its own).
    private let mail: any Courier
    private let sms: any Courier
    private let events: (any Courier)?
    private let stripe: (any Courier)?
    /// Destinations found unreachable in this pass (the SMS gateway, an endpoint's URL), with why.
    private var unreachable: [String: String] = [:]

    public init(mail: any Courier, sms: any Courier, events: (any Courier)? = nil, stripe: (any Courier)? = nil) {
        self.mail = mail
        self.sms = sms
        self.events = events
        self.stripe = stripe
    }

    public func hand(_ message: OutboxMessage) -> CourierResult {
        switch message.channel {
        case .email: return mail.hand(message)
        case .sms: return handOnce(message, via: sms, destination: "the SMS gateway")
        case .webhook:
            guard let events else { return .deferred("no event webhooks are configured") }
            return handOnce(message, via: events, destination: message.recipients.first ?? "")
        case .stripe:
            guard let stripe else { return .deferred("no Stripe key is configured (CAREDESK_STRIPE_SECRET_KEY)") }
            return handOnce(message, via: stripe, destination: "Stripe")
        }
    }

    private func handOnce(_ message: OutboxMessage, via courier: any Courier, destination: String) -> CourierResult {
        if let reason = unreachable[destination] { return .deferred(reason) }
        let result = courier.hand(message)
        if case .unreachable(let reason) = result {
            unreachable[destination] = "\(destination): \(reason)"
            return .deferred(unreachable[destination]!)
        }
        return result
    }
}
