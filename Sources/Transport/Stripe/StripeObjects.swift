import Foundation

/// A PaymentIntent as Stripe answers it: only the fields CareDesk reads (others, `latest_charge` among them,
/// are ignored whatever their shape).
public struct StripePaymentIntent: Sendable, Equatable, Decodable {
    public var id: String
    public var clientSecret: String?
    /// `requires_payment_method`, `requires_confirmation`, `requires_action`, `processing`, `succeeded`, `canceled`, …
    public var status: String
    /// In the currency's smallest unit.
    public var amount: Int64
    /// Lower case ISO 4217 ("inr").
    public var currency: String
    public var metadata: [String: String]
    public var lastPaymentError: StripeErrorBody?

    enum CodingKeys: String, CodingKey {
        case id, status, amount, currency, metadata
        case clientSecret = "client_secret"
        case lastPaymentError = "last_payment_error"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        clientSecret = try c.decodeIfPresent(String.self, forKey: .clientSecret)
        status = try c.decode(String.self, forKey: .status)
        amount = try c.decode(Int64.self, forKey: .amount)
        currency = try c.decode(String.self, forKey: .currency)
        metadata = (try? c.decodeIfPresent([String: String].self, forKey: .metadata)) ?? [:]
        lastPaymentError = try? c.decodeIfPresent(StripeErrorBody.self, forKey: .lastPaymentError)
    }
}

/// A refund as Stripe answers it.
public struct StripeRefund: Sendable, Equatable, Decodable {
    public var id: String
    public var amount: Int64
    /// `pending`, `succeeded`, `failed`, `canceled`, …
    public var status: String?
}

/// Stripe's `error` object (docs.stripe.com/api/errors), as in an error answer or a PaymentIntent's
/// `last_payment_error`.
public struct StripeErrorBody: Sendable, Equatable, Decodable {
    /// `card_error`, `invalid_request_error`, `api_error`, …
    public var type: String?
    /// `card_declined`, `expired_card`, `incorrect_cvc`, `insufficient_funds`, …
    public var code: String?
    public var declineCode: String?
    public var message: String?

    enum CodingKeys: String, CodingKey {
        case type, code, message
        case declineCode = "decline_code"
    }

    public init(type: String? = nil, code: String? = nil, declineCode: String? = nil, message: String? = nil) {
        self.type = type
        self.code = code
        self.declineCode = declineCode
        self.message = message
    }
}
