import Clinic
import Desk
import Foundation
import Transport

/// Carries out the outbox's Stripe calls: creates an appointment's PaymentIntent and asks for refunds, each
/// with the message id as its Idempotency-Key, so a retry after a lost answer is not carried out twice.
/// Stripe's answer comes back to the desk as a payment report, recorded with the attempt.
public final class StripeCourier: Courier, @unchecked Sendable {
    // Used by one delivery worker at a time.
    private let api: StripeAPI

    public init(_ configuration: StripeConfiguration) throws {
        api = try StripeAPI(configuration: configuration)
    }

    public func hand(_ message: OutboxMessage) -> CourierResult {
        guard let request = try? JSONDecoder().decode(StripeRequest.self, from: Data(message.data.utf8)) else {
            return .refused("not a Stripe request")
        }
        guard let amount = StripeAmount.minorUnits(hundredths: request.amount, currency: request.currency) else {
            return .refused("\(request.currency.uppercased()) has no fractions: \(request.amount) hundredths cannot be charged")
        }
        switch request.kind {
        case .paymentIntent:
            switch api.createPaymentIntent(amount: amount, currency: request.currency, ref: request.ref, idempotencyKey: message.id) {
            case .success(let intent):
                return .answered(.intentCreated(ref: request.ref, attempt: request.attempt ?? 1, intentID: intent.id,
                                                clientSecret: intent.clientSecret ?? ""))
            case .failure(let failure):
                return Self.result(failure)
            }
        case .refund:
            guard let intent = request.intentID else { return .refused("a refund names no PaymentIntent") }
            switch api.refund(paymentIntent: intent, amount: amount, idempotencyKey: message.id) {
            case .success(let refund):
                if request.extra == true { return .sent }
                return .answered(.refunded(ref: request.ref, refundID: refund.id,
                                           amount: Money(minorUnits: StripeAmount.hundredths(minorUnits: refund.amount, currency: request.currency)),
                                           intentID: intent))
            case .failure(let failure):
                return Self.result(failure)
            }
        }
    }

    static func result(_ failure: StripeFailure) -> CourierResult {
        if failure.status == nil { return .unreachable(failure.description) }
        return failure.isRetryable ? .deferred(failure.description) : .refused(failure.description)
    }
}
