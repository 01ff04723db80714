/// Why a Standard Webhooks message was not accepted (or a secret not
/// usable), with a message fit for a 4xx reply or the operator's log.
public struct StandardWebhookError: Error, Sendable, Equatable, CustomStringConvertible {
    enum Reason: Sendable, Equatable {
        case badSecret
        case missingHeader(String)
        case badTimestamp
        case timestampTooOld
        case timestampTooNew
        case noMatchingSignature
    }

    private let reason: Reason

    init(_ reason: Reason) {
        self.reason = reason
    }

    /// The signature headers are fine but none matches: the sender does not
    /// hold the secret, or the body was changed on the way.
    public var isSignatureMismatch: Bool { reason == .noMatchingSignature }

    /// The timestamp is outside the tolerance: too old (a replay?) or from
    /// the future (a skewed clock).
    public var isStale: Bool { reason == .timestampTooOld || reason == .timestampTooNew }

    public var description: String {
        switch reason {
        case .badSecret: "the webhook secret is not base64 (whsec_<base64> or <base64>)"
        case .missingHeader(let name): "the \(name) header is missing"
        case .badTimestamp: "the webhook-timestamp header is not whole seconds since 1970"
        case .timestampTooOld: "the webhook-timestamp is too old"
        case .timestampTooNew: "the webhook-timestamp is in the future"
        case .noMatchingSignature: "no v1 signature in webhook-signature matches the body"
        }
    }
}
