/// What an appointment still owes online, and how far its payment has got. Kept beside the appointments, by
/// reference, from the booking (or PAY) until it is paid or the appointment ends.
public struct PaymentDue: Sendable, Codable, Equatable {
    public var amount: Money
    /// With payment at booking: when the held slot is released if still unpaid. nil: the booking stands
    /// anyway (payment optional).
    public var holdUntil: Int64?
    /// Raised each time a new PaymentIntent is wanted (after a declined card): names its Idempotency-Key.
    public var attempt: Int
    /// The PaymentIntent of this attempt and its client secret, once the outbox has created it.
    public var intentID: String?
    public var clientSecret: String?
    /// Why the last try failed, in the patient's words.
    public var lastFailure: String?

    public init(amount: Money, holdUntil: Int64?, attempt: Int = 1) {
        self.amount = amount
        self.holdUntil = holdUntil
        self.attempt = attempt
    }

    /// Whether the slot waits for this payment (nobody else can book it meanwhile).
    public var isHold: Bool { holdUntil != nil }
}

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

/// Why PAY sent no link.
public enum PayRefusal: Sendable, Equatable {
    case unknownRef(String)
    case notYours(String)
    case alreadyPaid(Appointment)
    case notActive(Appointment)
    case noFee(Appointment)
    /// The clinic takes no payments online (or not for this doctor).
    case notOnline
    /// PAY without a reference, and not exactly one appointment to pay.
    case whichOne([Appointment])
}

/// Where an appointment's fee stands, as APPOINTMENTS shows it.
public enum FeeState: Sendable, Equatable {
    case paid
    /// To pay online; with a hold, by `holdUntil`.
    case unpaid(holdUntil: Int64?)
    /// Cancelled and given back (all of it asked for has come back, or some is still on its way).
    case refunded(Money, pending: Bool)
}
