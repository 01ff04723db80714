import Hummingbird

extension FrontDoor {
    /// `POST /webhooks/sms` (Twilio) and `POST /webhooks/messages` (Standard Webhooks JSON). Their senders'
    /// hourly allowance is the desk's, kept in the store with mail's.
    static func addWebhooks(to router: Router<Context>, reception: Reception, settings: WebhookSettings) {
        let sms = SMSWebhook(reception: reception, settings: settings)
        let messages = MessagesWebhook(reception: reception, settings: settings)
        router.post("webhooks/sms") { request, _ -> Response in await sms.handle(request) }
        router.post("webhooks/messages") { request, _ -> Response in await messages.handle(request) }
        let stripe = StripeWebhook(reception: reception, settings: settings)
        router.post("webhooks/stripe") { request, _ -> Response in await stripe.handle(request) }
    }
}
