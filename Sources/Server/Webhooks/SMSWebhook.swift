import Desk
import Foundation
import Hummingbird
import SMS
import Webhooks

/// `POST /webhooks/sms`: an inbound SMS in Twilio's form (`From`, `To`, `Body`, `MessageSid`, …), trusted only
/// with a valid `X-Twilio-Signature` over the public URL and the sorted parameters. Answered 200 (empty TwiML:
/// the reply goes by the Messages API) only once the message's effects are committed; a MessageSid seen
/// before is answered 200 and not handled again.
struct SMSWebhook: Sendable {
    let reception: Reception
    let settings: WebhookSettings

    func handle(_ incoming: Request) async -> Response {
        var request = incoming
        guard let token = settings.twilioAuthToken, let base = settings.publicURL else {
            return WebhookAnswer.refusal(.forbidden, "SMS webhooks are not configured (CAREDESK_TWILIO_AUTH_TOKEN, CAREDESK_PUBLIC_URL)")
        }
        let body: Data
        switch await WebhookAnswer.body(of: &request, limit: settings.bodyLimit) {
        case .success(let data): body = data
        case .failure(let refused): return refused.response
        }
        let form: FormBody
        do {
            form = try FormBody(decoding: body)
        } catch {
            return WebhookAnswer.refusal(.badRequest, "the body is not a form: \(error)")
        }
        let url = Self.trimmed(base) + request.uri.description
        guard TwilioSignature.isValid(signature: request.headers[.twilioSignature], url: url, parameters: form.fields, authToken: token) else {
            return WebhookAnswer.refusal(.forbidden, "the X-Twilio-Signature is missing or does not match")
        }
        guard let sid = form["MessageSid"], !sid.isEmpty, sid.count <= 64 else {
            return WebhookAnswer.refusal(.badRequest, "MessageSid is missing")
        }
        guard let from = form["From"].flatMap(E164.init) else {
            return WebhookAnswer.refusal(.badRequest, "From is missing or not a phone number in E.164 form (+919840000001)")
        }
        let text = form["Body"] ?? ""
        let message = InboundMessage(text: text, from: from.value, channel: .sms, source: "sms", id: sid)
        return await WebhookIntake(reception: reception).take(message) { _ in
            WebhookAnswer.emptyTwiML()
        }
    }

    static func trimmed(_ base: String) -> String {
        base.hasSuffix("/") ? String(base.dropLast()) : base
    }
}
