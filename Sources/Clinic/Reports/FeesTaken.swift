/// The consultation fees taken for some appointments: paid online by card, paid in cash at the desk
/// (PAID <ref> CASH), and what Stripe confirmed going back to the cards. What the clinic kept is `collected`.
public struct FeesTaken: Sendable, Equatable, Codable {
    public var online: Money
    public var cash: Money
    /// Refunds that went through, never the ones still on their way.
    public var refunded: Money

    public init(online: Money = Money(minorUnits: 0), cash: Money = Money(minorUnits: 0), refunded: Money = Money(minorUnits: 0)) {
        self.online = online
        self.cash = cash
        self.refunded = refunded
    }

    /// Paid online and in cash, less what went back.
    public var collected: Money { Money(minorUnits: online.minorUnits + cash.minorUnits - refunded.minorUnits) }

    /// Nothing paid and nothing given back.
    public var isEmpty: Bool { online.minorUnits == 0 && cash.minorUnits == 0 && refunded.minorUnits == 0 }

    /// Counts one appointment's payment.
    public mutating func add(_ payment: AppointmentPayment) {
        switch payment.method {
        case .card: online = online + payment.amount
        case .cash: cash = cash + payment.amount
        }
        refunded = refunded + payment.refunded
    }

    public static func + (a: FeesTaken, b: FeesTaken) -> FeesTaken {
        FeesTaken(online: a.online + b.online, cash: a.cash + b.cash, refunded: a.refunded + b.refunded)
    }
}
