import Desk
import Foundation
import Transport

/// Hands text messages to a Twilio-compatible Messages API, over one connection kept for the pass: 2xx
/// sent; 429 and 5xx tried again later; any other 4xx failed for good (a number that cannot take SMS).
public final class TwilioCourier: Courier, @unchecked Sendable {
    // One delivery worker uses a courier at a time (DeliveryPass gives each worker its own).
    private let messages: TwilioMessages

    public init(_ configuration: TwilioConfiguration) throws {
        Curl.initialise()
        messages = try TwilioMessages(configuration: configuration)
    }

    public func hand(_ message: OutboxMessage) -> CourierResult {
        guard let to = message.recipients.first else { return .refused("no number to text") }
        switch messages.send(to: to, body: message.data) {
        case .sent: return .sent
        case .deferred(let reason): return .deferred(reason)
        case .refused(let reason): return .refused(reason)
        case .unreachable(let reason): return .unreachable(reason)
        }
    }
}
