/// How CareDesk reaches Stripe, from the environment: the secret key for the API, the publishable key for
/// the pay page's Stripe.js, the signing secret of the webhook endpoint, and the API's base URL (a local
/// stand-in in tests). No secret key: payments are off.
public struct StripeConfiguration: Sendable, Equatable {
    public static let defaultBaseURL = "https://api.stripe.com"

    public var secretKey: String
    public var publishableKey: String?
    public var webhookSecret: String?
    /// Without a trailing slash.
    public var baseURL: String
    public var connectTimeout: Double
    public var transferTimeout: Double

    public init(secretKey: String, publishableKey: String? = nil, webhookSecret: String? = nil, baseURL: String = defaultBaseURL,
                connectTimeout: Double = 10, transferTimeout: Double = 30) {
        self.secretKey = secretKey
        self.publishableKey = publishableKey
        self.webhookSecret = webhookSecret
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.connectTimeout = connectTimeout
        self.transferTimeout = transferTimeout
    }

    /// The environment variables `fromEnvironment` reads.
    public enum Environment {
        public static let secretKey = "CAREDESK_STRIPE_SECRET_KEY"
        public static let publishableKey = "CAREDESK_STRIPE_PUBLISHABLE_KEY"
        public static let webhookSecret = "CAREDESK_STRIPE_WEBHOOK_SECRET"
        public static let baseURL = "CAREDESK_STRIPE_BASE_URL"
    }

    /// nil when `CAREDESK_STRIPE_SECRET_KEY` is absent or empty (payments off).
    public static func fromEnvironment(_ environment: [String: String]) -> StripeConfiguration? {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        guard let key = value(Environment.secretKey) else { return nil }
        return StripeConfiguration(secretKey: key, publishableKey: value(Environment.publishableKey),
                                   webhookSecret: value(Environment.webhookSecret),
                                   baseURL: value(Environment.baseURL) ?? defaultBaseURL)
    }
}
