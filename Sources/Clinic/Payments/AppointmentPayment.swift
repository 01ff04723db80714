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

    public init(amount: Money, method: Method, at: Int64, by: String, intentID: String? = nil) {
        self.amount = amount
        self.method = method
        self.at = at
        self.by = by
        self.intentID = intentID
        refunded = Money(minorUnits: 0)
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
