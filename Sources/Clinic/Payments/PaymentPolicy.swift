/// When the clinic takes the consultation fee, from the clinic file (`"payment"`, `"holdMinutes"`,
/// `"refund"`), with a per-doctor `"payment"` override. Payments are off whatever it says while no Stripe
/// key is configured.
public struct PaymentPolicy: Sendable, Codable, Equatable {
    public enum Mode: String, Sendable, Codable, CaseIterable {
        /// No payment is asked for.
        case off
        /// The booking is confirmed at once; the reply offers a pay link.
        case optional
        /// The slot is held for `holdMinutes` and confirmed only once paid.
        case atBooking
    }

    public var mode: Mode
    /// How long a slot booked `atBooking` is held for its payment (default 30).
    public var holdMinutes: Int
    /// What a patient's own cancellation gets back.
    public var refund: RefundRule

    public init(mode: Mode = .off, holdMinutes: Int = 30, refund: RefundRule = RefundRule()) {
        self.mode = mode
        self.holdMinutes = min(max(holdMinutes, 5), 24 * 60)
        self.refund = refund
    }
}

/// What a patient who cancels their own paid appointment gets back: all of it until `fullIfHoursBefore`
/// hours before the start, `otherwisePercent` after that. A cancellation by the clinic (CANCEL DAY,
/// BROADCAST CANCEL, DOCTOR OFF, a hold it let expire) always refunds in full.
public struct RefundRule: Sendable, Codable, Equatable {
    public var fullIfHoursBefore: Int
    public var otherwisePercent: Int

    public init(fullIfHoursBefore: Int = 24, otherwisePercent: Int = 0) {
        self.fullIfHoursBefore = max(0, fullIfHoursBefore)
        self.otherwisePercent = min(max(otherwisePercent, 0), 100)
    }

    /// The refund of a patient's cancellation at `now` of an appointment starting at `start`, of `paid`:
    /// never more than was paid, rounded down to the minor unit.
    public func refund(of paid: Money, start: Int64, now: Int64) -> Money {
        guard paid.minorUnits > 0 else { return Money(minorUnits: 0) }
        if start - now >= Int64(fullIfHoursBefore) * 3600 { return paid }
        return Money(minorUnits: paid.minorUnits * Int64(otherwisePercent) / 100)
    }

    enum CodingKeys: String, CodingKey { case fullIfHoursBefore, otherwisePercent }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(fullIfHoursBefore: try c.decodeIfPresent(Int.self, forKey: .fullIfHoursBefore) ?? 24,
                  otherwisePercent: try c.decodeIfPresent(Int.self, forKey: .otherwisePercent) ?? 0)
    }
}
