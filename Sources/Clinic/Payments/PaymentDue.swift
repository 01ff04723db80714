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
