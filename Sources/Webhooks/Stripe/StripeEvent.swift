import Foundation

/// The parts of a Stripe event (`POST /webhooks/stripe`) the clinic reads: its id (events are de-duplicated
/// by it), its type, and the PaymentIntent or Charge it is about. Anything else in the body is ignored, as
/// Stripe's API versions add fields.
public struct StripeEvent: Sendable, Equatable {
    public var id: String
    public var type: String
    public var object: Object

    public struct Object: Sendable, Equatable {
        /// `pi_…` for a PaymentIntent, `ch_…` for a Charge.
        public var id: String
        public var amount: Int64?
        public var currency: String?
        public var metadata: [String: String]
        /// A Charge's PaymentIntent.
        public var paymentIntent: String?
        /// Why the last try failed: Stripe's code, decline code and message.
        public var failureCode: String?
        public var declineCode: String?
        public var failureMessage: String?
        /// A Charge's refunds (id, amount), when the event lists them.
        public var refunds: [(id: String, amount: Int64)]

        public static func == (a: Object, b: Object) -> Bool {
            a.id == b.id && a.amount == b.amount && a.currency == b.currency && a.metadata == b.metadata && a.paymentIntent == b.paymentIntent
                && a.failureCode == b.failureCode && a.declineCode == b.declineCode && a.failureMessage == b.failureMessage
                && a.refunds.map(\.id) == b.refunds.map(\.id) && a.refunds.map(\.amount) == b.refunds.map(\.amount)
        }
    }

    public struct Malformed: Error, CustomStringConvertible {
        public let description: String
    }

    public init(json: Data) throws(Malformed) {
        guard let root = try? JSONSerialization.jsonObject(with: json) as? [String: Any] else { throw Malformed(description: "not a JSON object") }
        guard let id = root["id"] as? String, let type = root["type"] as? String,
              let data = root["data"] as? [String: Any], let object = data["object"] as? [String: Any], let objectID = object["id"] as? String else {
            throw Malformed(description: "not a Stripe event: id, type and data.object.id are needed")
        }
        self.id = id
        self.type = type
        func integer(_ value: Any?) -> Int64? { (value as? NSNumber).map { $0.int64Value } }
        let error = (object["last_payment_error"] as? [String: Any])
        let refundList = ((object["refunds"] as? [String: Any])?["data"] as? [[String: Any]]) ?? []
        self.object = Object(
            // What a PaymentIntent actually received, where Stripe says (`amount_received`), else what it asked for.
            id: objectID, amount: integer(object["amount_received"]).flatMap { $0 > 0 ? $0 : nil } ?? integer(object["amount"]),
            currency: object["currency"] as? String,
            metadata: (object["metadata"] as? [String: Any])?.compactMapValues { $0 as? String } ?? [:],
            paymentIntent: object["payment_intent"] as? String,
            failureCode: error?["code"] as? String, declineCode: error?["decline_code"] as? String, failureMessage: error?["message"] as? String,
            refunds: refundList.compactMap { refund in (refund["id"] as? String).flatMap { id in integer(refund["amount"]).map { (id, $0) } } })
    }

    /// Why a card was declined, in words for the patient (Stripe's decline codes, not its developer messages).
    public var plainFailure: String {
        switch object.declineCode ?? object.failureCode {
        case "expired_card": "the card has expired"
        case "insufficient_funds": "the card's bank says there is not enough money on it"
        case "incorrect_cvc", "invalid_cvc": "the security code (CVC) was not right"
        case "incorrect_number", "invalid_number": "the card number was not right"
        case "lost_card", "stolen_card", "pickup_card": "the card cannot be used"
        case "processing_error": "the card could not be processed just then; trying again may work"
        case "authentication_required": "the bank needs you to confirm the payment, and it was not confirmed"
        default: "the card was declined by its bank"
        }
    }
}
