import Clinic
import Foundation

/// What the outbox asks Stripe for: the PaymentIntent of an appointment's payment attempt, or a refund.
/// Journaled with the decision that wanted it and carried out after the commit, like any outgoing message.
public struct StripeRequest: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable { case paymentIntent, refund }

    public var kind: Kind
    public var ref: String
    /// The due's attempt (PaymentIntent).
    public var attempt: Int?
    /// In hundredths of the currency's unit, as the clinic keeps money.
    public var amount: Int64
    /// Lower-case ISO 4217.
    public var currency: String
    /// The PaymentIntent a refund goes back through.
    public var intentID: String?
    /// A refund of a second payment, not of the appointment's own: Stripe's answer changes nothing of it.
    public var extra: Bool?
}

enum StripeCall {
    /// The calls `events` need, read against the clinic after them: a PaymentIntent for each new due or new
    /// attempt, a refund for each refund decided. Each is named by the appointment and its attempt (or by how
    /// much had been asked back), so a replay queues the same call and Stripe's Idempotency-Key, which is the
    /// message id, keeps a retried call from being carried out twice.
    static func messages(for events: [ClinicEvent], after clinic: ClinicState, now: Int64) -> [OutboxMessage] {
        var calls: [OutboxMessage] = []
        let currency = clinic.info.currency.lowercased()
        for event in events {
            let request: StripeRequest
            let name: String
            switch event {
            case .paymentDue(let ref, _), .paymentFailed(let ref, _, _):
                guard let due = clinic.dues[ref], due.intentID == nil else { continue }
                request = StripeRequest(kind: .paymentIntent, ref: ref, attempt: due.attempt, amount: due.amount.minorUnits, currency: currency)
                name = "stripe payment intent \(ref) attempt \(due.attempt)"
            case .extraPaymentReturned(let ref, let intent, let amount, _):
                request = StripeRequest(kind: .refund, ref: ref, amount: amount.minorUnits, currency: currency, intentID: intent, extra: true)
                name = "stripe refund of a second payment \(intent)"
            case .refundRequested(let ref, let amount, _):
                guard let payment = clinic.payments[ref], let intent = payment.intentID else { continue }
                request = StripeRequest(kind: .refund, ref: ref, amount: amount.minorUnits, currency: currency, intentID: intent)
                name = "stripe refund \(ref) up to \(payment.refundRequested.minorUnits)"
            default:
                continue
            }
            guard let json = try? JSONEncoder().encode(request) else { continue }
            calls.append(OutboxMessage(id: "cd_" + NoticeComposer.id(name), channel: .stripe, purpose: .notice, envelopeFrom: "",
                                       recipients: ["stripe"], data: String(decoding: json, as: UTF8.self), createdAt: now))
        }
        return calls
    }
}
