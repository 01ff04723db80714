/// Where an appointment's fee stands, as APPOINTMENTS shows it.
public enum FeeState: Sendable, Equatable {
    case paid
    /// To pay online; with a hold, by `holdUntil`.
    case unpaid(holdUntil: Int64?)
    /// Cancelled and given back (all of it asked for has come back, or some is still on its way).
    case refunded(Money, pending: Bool)
}
