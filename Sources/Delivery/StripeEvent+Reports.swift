import Clinic
import Transport
import Webhooks

extension StripeEvent {
    /// What the event reports about the clinic's appointments, each with the key it is recorded once by;
    /// nothing for other payments on the account or event types the clinic does not use.
    public func reports(clinic: ClinicState?) -> [(key: String, report: PaymentReport)] {
        let key = "stripe event \(id)"
        func money(_ minor: Int64, _ currency: String) -> Money { Money(minorUnits: StripeAmount.hundredths(minorUnits: minor, currency: currency)) }
        switch type {
        case "payment_intent.succeeded":
            guard let ref = object.metadata["ref"], let amount = object.amount, let currency = object.currency else { return [] }
            return [(key, .succeeded(ref: ref, intentID: object.id, amount: money(amount, currency), currency: currency))]
        case "payment_intent.payment_failed":
            guard let ref = object.metadata["ref"] else { return [] }
            return [(key, .failed(ref: ref, intentID: object.id, reason: plainFailure))]
        case "charge.refunded":
            guard let ref = object.metadata["ref"] ?? object.paymentIntent.flatMap({ clinic?.ref(ofIntent: $0) }),
                  let currency = object.currency else { return [] }
            return object.refunds.map { refund in
                ("\(key) \(refund.id)", .refunded(ref: ref, refundID: refund.id, amount: money(refund.amount, currency), intentID: object.paymentIntent))
            }
        default:
            return []
        }
    }
}
