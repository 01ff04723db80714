import Clinic
import Desk
import Foundation
import Hummingbird
import Webhooks

/// `POST /webhooks/messages`: a message from any system as JSON (`id`, `channel`, `from`, `to`, `text`,
/// `subject`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp` within 5 minutes,
/// `webhook-signature: v1,<HMAC-SHA256>`). The reply goes back by the channel named; an id seen before is
/// answered 200 and not handled again.
struct MessagesWebhook: Sendable {
    let reception: Reception
    let settings: WebhookSettings

    func handle(_ incoming: Request) async -> Response {
        var request = incoming
        guard let secret = settings.webhookSecret, let signature = try? StandardWebhookSignature(secret: secret) else {
            return WebhookAnswer.refusal(.forbidden, "message webhooks are not configured (CAREDESK_WEBHOOK_SECRET)")
        }
        let body: Data
        switch await WebhookAnswer.body(of: &request, limit: settings.bodyLimit) {
        case .success(let data): body = data
        case .failure(let refused): return refused.response
        }
        do {
            try signature.verify(id: request.headers[.webhookID], timestamp: request.headers[.webhookTimestamp],
                                 signatureHeader: request.headers[.webhookSignature], body: body, now: Date(timeIntervalSince1970: TimeInterval(reception.clock.now())))
        } catch {
            return WebhookAnswer.refusal(.forbidden, "\(error)")
        }
        let message: WebhookMessage
        do {
            message = try WebhookMessage(json: body)
        } catch {
            return WebhookAnswer.refusal(.badRequest, "\(error)")
        }
        let channel: Sender.Channel = message.channel == .sms ? .sms : .email
        var inbound = InboundMessage(text: message.text, from: message.from, subject: message.subject, channel: channel, source: "webhook",
                                  id: message.id)
        inbound.signedWebhook = true
        return await WebhookIntake(reception: reception).take(inbound) { result in
            WebhookAnswer.json(.ok, ["status": result])
        }
    }
}
