import Desk
import Foundation
import Transport
import Webhooks

/// Posts event webhooks to the endpoints in DATA/config.json, signed per Standard Webhooks: `webhook-id`
/// is the outbox message's id (the same on every retry, so the receiver can drop a repeat),
/// `webhook-timestamp` the time of the attempt. 2xx sent; 410 Gone switches the endpoint off; 429 and
/// 5xx are tried again later; any other status fails the call.
public final class EventWebhookCourier: Courier, @unchecked Sendable {
    // One delivery worker uses a courier at a time (DeliveryPass gives each worker its own).
    private let poster: HTTPPoster
    private let signatures: [String: StandardWebhookSignature]
    private let clock: @Sendable () -> Int64

    public init(endpoints: [EventEndpoint], clock: @escaping @Sendable () -> Int64) throws {
        Curl.initialise()
        poster = try HTTPPoster(connectTimeout: 10, transferTimeout: 30, maxResponseBytes: 64 * 1024)
        var signatures: [String: StandardWebhookSignature] = [:]
        for endpoint in endpoints { signatures[endpoint.url] = try? StandardWebhookSignature(secret: endpoint.secret) }
        self.signatures = signatures
        self.clock = clock
    }

    public func hand(_ message: OutboxMessage) -> CourierResult {
        guard let url = message.recipients.first else { return .refused("no endpoint") }
        guard let signature = signatures[url] else { return .refused("the endpoint is no longer configured, or its secret is not whsec_…") }
        let timestamp = Int(clock())
        let body = Data(message.data.utf8)
        let headers = [("Content-Type", "application/json"), ("webhook-id", message.id), ("webhook-timestamp", "\(timestamp)"),
                       ("webhook-signature", signature.sign(id: message.id, timestamp: timestamp, body: body))]
        switch poster.post(url: url, headers: headers, body: body) {
        case .success(let result):
            switch result.status {
            case 200..<300: return .sent
            case 410: return .gone("HTTP 410 Gone: the endpoint is switched off")
            case 429, 500..<600: return .deferred("HTTP \(result.status)")
            default: return .refused("HTTP \(result.status)")
            }
        case .failure(let error):
            return .unreachable("\(error)")
        }
    }
}
