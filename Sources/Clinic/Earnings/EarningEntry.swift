/// One amount a doctor reported earning on a clinic day ("EARNING 2500 Tue follow-ups").
public struct EarningEntry: Sendable, Equatable, Codable {
    public var day: LocalDate
    public var amount: Money
    public var note: String?
    /// When it was reported.
    public var at: Int64

    public init(day: LocalDate, amount: Money, note: String?, at: Int64) {
        self.day = day
        self.amount = amount
        self.note = note
        self.at = at
    }
}

extension ClinicState {
    /// Puts back the earnings a snapshot kept.
    public mutating func restore(earnings: [String: [EarningEntry]]) { self.earnings = earnings }
}
