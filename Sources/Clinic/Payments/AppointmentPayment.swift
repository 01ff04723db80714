/// What was paid for an appointment: by whom and how (cash at the desk; a card through Stripe later), and
/// what of it went back. Kept beside the appointments, by reference, so an appointment without a payment
/// costs nothing.
public struct AppointmentPayment: Sendable, Codable, Equatable {
    public enum Method: String, Sendable, Codable {
        /// Recorded by the front desk: PAID <ref> CASH.
        case cash
        /// Paid online (a Stripe PaymentIntent).
        case card
    }

    public var amount: Money
    public var method: Method
    public var at: Int64
    /// Who recorded it (the desk's address, or "stripe").
    public var by: String
    /// The Stripe PaymentIntent, for a card payment.
    public var intentID: String?
    /// What went back to the patient so far; never more than `amount`.
    public var refunded: Money
    /// What the clinic decided to give back (cancellations), refunded or still on its way; never more than `amount`.
    public var refundRequested: Money
    /// The Stripe refunds counted in `refunded`, so a refund reported twice counts once.
    public var refundIDs: [String]
    /// When the last refund went through.
    public var refundedAt: Int64?

    public init(amount: Money, method: Method, at: Int64, by: String, intentID: String? = nil) {
        self.amount = amount
        self.method = method
        self.at = at
        self.by = by
        self.intentID = intentID
        refunded = Money(minorUnits: 0)
        refundRequested = Money(minorUnits: 0)
        refundIDs = []
    }

    /// What could still be given back.
    public var refundable: Money { Money(minorUnits: max(0, amount.minorUnits - refundRequested.minorUnits)) }

    enum CodingKeys: String, CodingKey { case amount, method, at, by, intentID, refunded, refundRequested, refundIDs, refundedAt }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        amount = try c.decode(Money.self, forKey: .amount)
        method = try c.decode(Method.self, forKey: .method)
        at = try c.decode(Int64.self, forKey: .at)
        by = try c.decode(String.self, forKey: .by)
        intentID = try c.decodeIfPresent(String.self, forKey: .intentID)
        refunded = try c.decodeIfPresent(Money.self, forKey: .refunded) ?? Money(minorUnits: 0)
        refundRequested = try c.decodeIfPresent(Money.self, forKey: .refundRequested) ?? refunded
        refundIDs = try c.decodeIfPresent([String].self, forKey: .refundIDs) ?? []
        refundedAt = try c.decodeIfPresent(Int64.self, forKey: .refundedAt)
    }
}

/// Why PAID was not recorded.
public enum PaymentRefusal: Sendable, Equatable {
    case unknownRef(String)
    /// Already paid: one payment per appointment.
    case alreadyPaid(Appointment, AppointmentPayment)
    /// Cancelled: nothing to pay for.
    case notActive(Appointment)
    /// The doctor charges no fee.
    case noFee(Appointment)
}
