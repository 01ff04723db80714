/// What Stripe (its webhook, an answer to the outbox's call, or a status asked for before a hold ends)
/// reported about an appointment's money.
public enum PaymentReport: Sendable, Equatable {
    /// A PaymentIntent of the appointment was paid: `amount` in the clinic's money, `currency` as Stripe wrote it.
    case succeeded(ref: String, intentID: String, amount: Money, currency: String)
    /// A try was declined; `reason` in plain words.
    case failed(ref: String, intentID: String, reason: String)
    /// The outbox created the PaymentIntent of `attempt`.
    case intentCreated(ref: String, attempt: Int, intentID: String, clientSecret: String)
    /// A refund went through (`refundID` names it, so a second report of it changes nothing); `intentID`,
    /// when known, the PaymentIntent it went back through (a refund of another one is not this payment's).
    case refunded(ref: String, refundID: String, amount: Money, intentID: String? = nil)
    /// The clock: a hold whose time is up.
    case holdEnded(ref: String)
}

extension PaymentReport {
    /// The appointment the report is about.
    public var ref: String {
        switch self {
        case .succeeded(let ref, _, _, _), .failed(let ref, _, _), .intentCreated(let ref, _, _, _), .refunded(let ref, _, _, _),
             .holdEnded(let ref):
            ref
        }
    }
}

/// What came of a payment report.
public enum PaymentReportResult: Sendable, Equatable {
    case paid(Appointment, AppointmentPayment)
    /// Paid, but not what the appointment costs: not marked paid; the desk looks into it.
    case mismatch(Appointment, expected: Money, got: Money, currency: String)
    case failed(Appointment, reason: String)
    case released(Appointment)
    case refunded(Appointment, Money)
    /// Recorded, or nothing to do (already known, or no longer relevant): nobody is told.
    case quiet
}
