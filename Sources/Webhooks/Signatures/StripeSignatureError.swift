/// Why a Stripe webhook was not accepted, with a message fit for a 4xx answer or the operator's log.
public struct StripeSignatureError: Error, Sendable, Equatable, CustomStringConvertible {
    enum Reason: Sendable, Equatable {
        case badSecret
        case missingHeader
        case badTimestamp
        case timestampTooOld
        case timestampTooNew
        case noSignature
        case noMatchingSignature
    }

    let reason: Reason

    init(_ reason: Reason) {
        self.reason = reason
    }

    /// Outside the tolerance: a replay, or a skewed clock.
    public var isStale: Bool { reason == .timestampTooOld || reason == .timestampTooNew }

    public var description: String {
        switch reason {
        case .badSecret: "the Stripe webhook signing secret is empty"
        case .missingHeader: "the Stripe-Signature header is missing"
        case .badTimestamp: "the Stripe-Signature header has no t= of whole seconds since 1970"
        case .timestampTooOld: "the Stripe-Signature timestamp is more than 5 minutes old"
        case .timestampTooNew: "the Stripe-Signature timestamp is in the future"
        case .noSignature: "the Stripe-Signature header has no v1= signature"
        case .noMatchingSignature: "no v1 signature in Stripe-Signature matches the body"
        }
    }
}
