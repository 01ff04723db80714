import Delivery
import Desk
import Foundation
import Hummingbird
import Webhooks

/// `POST /webhooks/stripe`: Stripe's events about the clinic's payments, verified by `Stripe-Signature`
/// (HMAC-SHA256 of `t.body`, within 5 minutes of the machine's clock). Each event is recorded once, by its id, and answered 2xx only
/// after the commit, so Stripe retries anything not recorded. A bad signature is 400, as Stripe's own
/// libraries answer; an event about something else (another system's payment, a type the clinic does not
/// use) is a 200 that changes nothing.
struct StripeWebhook: Sendable {
    let reception: Reception
    let settings: WebhookSettings

    func handle(_ incoming: Request) async -> Response {
        var request = incoming
        guard let secret = settings.stripeWebhookSecret, let signature = try? StripeSignature(secret: secret) else {
            return WebhookAnswer.refusal(.forbidden, "Stripe events are not configured (CAREDESK_STRIPE_WEBHOOK_SECRET)")
        }
        let body: Data
        switch await WebhookAnswer.body(of: &request, limit: max(settings.bodyLimit, 256 * 1024)) {
        case .success(let data): body = data
        case .failure(let refused): return refused.response
        }
        do {
            // Stripe stamps its signatures with its own clock: they are checked against the machine's, not
            // the desk's (which a demo or test may set to another day).
            try signature.verify(header: request.headers[.stripeSignature], body: body, now: Date())
        } catch {
            return WebhookAnswer.refusal(.badRequest, "\(error)")
        }
        let event: StripeEvent
        do {
            event = try StripeEvent(json: body)
        } catch {
            return WebhookAnswer.refusal(.badRequest, "\(error)")
        }
        do {
            let status = try await reception.withDesk { desk, now -> String in
                let reports = event.reports(clinic: desk.state.clinic)
                guard !reports.isEmpty else { return "ignored" }
                let known = try desk.reportPayments(reports, now: now)
                return known.count == reports.count ? "duplicate" : "recorded"
            }
            return WebhookAnswer.json(.ok, ["status": status])
        } catch {
            reception.logger.error("a Stripe event was not recorded", metadata: ["event": "\(event.id)", "error": "\(error)"])
            return WebhookAnswer.refusal(.serviceUnavailable, "not recorded; send it again")
        }
    }
}
