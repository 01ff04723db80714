import Hummingbird

extension FrontDoor {
    /// `POST /webhooks/sms` (Twilio) and `POST /webhooks/messages` (Standard Webhooks JSON), sharing one
    /// per-sender hourly allowance.
    static func addWebhooks(to router: Router<Context>, reception: Reception, settings: WebhookSettings) {
        let allowance = SenderAllowance(limit: settings.hourlyLimit)
        let sms = SMSWebhook(reception: reception, settings: settings, allowance: allowance)
        let messages = MessagesWebhook(reception: reception, settings: settings, allowance: allowance)
        router.post("webhooks/sms") { request, _ -> Response in await sms.handle(request) }
        router.post("webhooks/messages") { request, _ -> Response in await messages.handle(request) }
    }
}
