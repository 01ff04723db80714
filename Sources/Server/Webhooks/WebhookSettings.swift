import Foundation

/// What the webhook routes need to trust a request, from the environment: Twilio's auth token and the public
/// URL Twilio signs; the Standard Webhooks secret of the generic feed; and the body limit that keeps load out (the
/// hourly allowance per sender is the desk's: `TrustSettings.hourlyLimit`).
public struct WebhookSettings: Sendable {
    /// `CAREDESK_TWILIO_AUTH_TOKEN`: nil refuses every SMS webhook (nothing can be verified).
    public var twilioAuthToken: String?
    /// `CAREDESK_PUBLIC_URL`, e.g. `https://desk.kanchicare.example`: what Twilio was given, before the path.
    public var publicURL: String?
    /// `CAREDESK_WEBHOOK_SECRET`, `whsec_…`: nil refuses every generic webhook.
    public var webhookSecret: String?
    /// The largest body read; more is refused with 413.
    public var bodyLimit: Int
    /// `CAREDESK_HEALTH_TOKEN`: `GET /health` shows its counts only to `Authorization: Bearer <token>`;
    /// without it (or with no token configured) it answers `{"status":"ok"}` and nothing more.
    public var healthToken: String?
    /// `CAREDESK_STRIPE_WEBHOOK_SECRET`, `whsec_…`: nil refuses every Stripe event (none can be verified).
    public var stripeWebhookSecret: String?
    /// `CAREDESK_STRIPE_PUBLISHABLE_KEY`, `pk_…`: what the pay page's card form uses.
    public var stripePublishableKey: String?
    /// `CAREDESK_STRIPE_JS_URL`: where the pay page loads Stripe.js from.
    public var stripeScript: String
    /// `CAREDESK_LINK_SECRET`: what pay links are checked against; nil answers every pay link with "not valid".
    public var linkSecret: String?

    public init(twilioAuthToken: String? = nil, publicURL: String? = nil, webhookSecret: String? = nil, bodyLimit: Int = 64 * 1024, healthToken: String? = nil,
                stripeWebhookSecret: String? = nil, stripePublishableKey: String? = nil, stripeScript: String = "https://js.stripe.com/v3/",
                linkSecret: String? = nil) {
        self.twilioAuthToken = twilioAuthToken
        self.publicURL = publicURL
        self.webhookSecret = webhookSecret
        self.bodyLimit = bodyLimit
        self.healthToken = healthToken
        self.stripeWebhookSecret = stripeWebhookSecret
        self.stripePublishableKey = stripePublishableKey
        self.stripeScript = stripeScript
        self.linkSecret = linkSecret
    }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> WebhookSettings {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        return WebhookSettings(twilioAuthToken: value("CAREDESK_TWILIO_AUTH_TOKEN"), publicURL: value("CAREDESK_PUBLIC_URL"),
                               webhookSecret: value("CAREDESK_WEBHOOK_SECRET"),
                               healthToken: value("CAREDESK_HEALTH_TOKEN"),
                               stripeWebhookSecret: value("CAREDESK_STRIPE_WEBHOOK_SECRET"),
                               stripePublishableKey: value("CAREDESK_STRIPE_PUBLISHABLE_KEY"),
                               stripeScript: value("CAREDESK_STRIPE_JS_URL") ?? "https://js.stripe.com/v3/",
                               linkSecret: value("CAREDESK_LINK_SECRET"))
    }
}
