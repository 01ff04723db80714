import HTTPTypes

/// The header fields the webhooks read.
extension HTTPField.Name {
    static let twilioSignature = HTTPField.Name("X-Twilio-Signature")!
    static let webhookID = HTTPField.Name("webhook-id")!
    static let webhookTimestamp = HTTPField.Name("webhook-timestamp")!
    static let webhookSignature = HTTPField.Name("webhook-signature")!
    static let stripeSignature = HTTPField.Name("Stripe-Signature")!
}
