import Foundation

/// The few Stripe API calls CareDesk makes, form-encoded over libcurl with the secret key as a Bearer token:
/// create a PaymentIntent for an appointment, read it back, and refund it. Every call that creates
/// something carries an `Idempotency-Key`, so a retry after a lost answer never charges or refunds twice.
///
/// Like `HTTPPoster`, which it wraps: one per worker thread, not Sendable, calls block.
public final class StripeAPI {
    public let configuration: StripeConfiguration
    private let poster: HTTPPoster

    public init(configuration: StripeConfiguration) throws(CurlError) {
        self.configuration = configuration
        poster = try HTTPPoster(connectTimeout: configuration.connectTimeout, transferTimeout: configuration.transferTimeout)
    }

    /// `POST /v1/payment_intents`: `amount` in the currency's smallest unit (`StripeAmount`), the appointment's
    /// reference in `metadata[ref]`. `paymentMethod` only where a test or the bench pays without a page.
    public func createPaymentIntent(amount: Int64, currency: String, ref: String, idempotencyKey: String,
                                    paymentMethod: String? = nil) -> Result<StripePaymentIntent, StripeFailure> {
        var fields: [(name: String, value: String)] = [("amount", String(amount)), ("currency", currency.lowercased()),
                                                        ("metadata[ref]", ref), ("payment_method_types[]", "card")]
        if let paymentMethod { fields.append(("payment_method", paymentMethod)) }
        return call("/v1/payment_intents", fields: fields, idempotencyKey: idempotencyKey)
    }

    /// `GET /v1/payment_intents/<id>`: where a payment stands, for when its webhook never came.
    public func paymentIntent(id: String) -> Result<StripePaymentIntent, StripeFailure> {
        guard Self.isObjectID(id) else { return .failure(StripeFailure(status: nil, error: nil, transport: "not a Stripe id")) }
        return decoded(poster.get(url: configuration.baseURL + "/v1/payment_intents/" + id, headers: headers(idempotencyKey: nil)))
    }

    /// Attaches a payment method to a PaymentIntent (`POST /v1/payment_intents/:id`), as a patient's card form does (bench).
    public func attach(paymentMethod: String, to id: String) -> Result<StripePaymentIntent, StripeFailure> {
        guard Self.isObjectID(id) else { return .failure(StripeFailure(status: nil, error: nil, transport: "not a Stripe id")) }
        return call("/v1/payment_intents/\(id)", fields: [("payment_method", paymentMethod)], idempotencyKey: nil)
    }

    /// `POST /v1/payment_intents/<id>/confirm`, with no body: pays with the method given at creation (tests, bench).
    public func confirm(paymentIntent id: String) -> Result<StripePaymentIntent, StripeFailure> {
        guard Self.isObjectID(id) else { return .failure(StripeFailure(status: nil, error: nil, transport: "not a Stripe id")) }
        return call("/v1/payment_intents/\(id)/confirm", fields: [], idempotencyKey: nil)
    }

    /// `POST /v1/refunds` of `amount` of a PaymentIntent's payment. The caller keeps the sum refunded at or
    /// under what was paid (Stripe refuses more; a stand-in may not).
    public func refund(paymentIntent id: String, amount: Int64, idempotencyKey: String) -> Result<StripeRefund, StripeFailure> {
        call("/v1/refunds", fields: [("payment_intent", id), ("amount", String(amount))], idempotencyKey: idempotencyKey)
    }

    private func call<T: Decodable>(_ path: String, fields: [(name: String, value: String)], idempotencyKey: String?) -> Result<T, StripeFailure> {
        var headers = headers(idempotencyKey: idempotencyKey)
        headers.append(("Content-Type", "application/x-www-form-urlencoded"))
        return decoded(poster.post(url: configuration.baseURL + path, headers: headers, body: Data(FormEncoding.encode(fields).utf8)))
    }

    private func headers(idempotencyKey: String?) -> [(String, String)] {
        var headers = [("Authorization", "Bearer " + configuration.secretKey), ("Accept", "application/json")]
        if let idempotencyKey { headers.append(("Idempotency-Key", idempotencyKey)) }
        return headers
    }

    private func decoded<T: Decodable>(_ result: Result<HTTPResult, HTTPTransportError>) -> Result<T, StripeFailure> {
        switch result {
        case .failure(let error):
            return .failure(StripeFailure(status: nil, error: nil, transport: error.description))
        case .success(let response) where (200...299).contains(response.status):
            do {
                return .success(try JSONDecoder().decode(T.self, from: response.body))
            } catch {
                return .failure(StripeFailure(status: response.status, error: nil, transport: "an answer that is not the object asked for"))
            }
        case .success(let response):
            let body = (try? JSONDecoder().decode(StripeErrorAnswer.self, from: response.body))?.error
            return .failure(StripeFailure(status: response.status, error: body, transport: nil))
        }
    }

    /// Stripe ids are a prefix, an underscore and letters or digits: nothing that could change the path.
    static func isObjectID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 255 && id.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x5F }
    }
}

/// The body of a Stripe error answer: `{"error": {…}}`.
struct StripeErrorAnswer: Decodable {
    var error: StripeErrorBody?
}
