/// A part of the day as patients write it ("Tue morning"): morning until noon, afternoon from noon to 17:00,
/// evening from 17:00. A slot belongs to the part its start falls in.
public enum DayPart: String, Sendable, Equatable, CaseIterable {
    case morning, afternoon, evening

    public func contains(_ time: TimeOfDay) -> Bool {
        switch self {
        case .morning: time.minutes < 12 * 60
        case .afternoon: time.minutes >= 12 * 60 && time.minutes < 17 * 60
        case .evening: time.minutes >= 17 * 60
        }
    }
}

/// What a SLOTS answer is for: all of a day's slots, or only one part of the day; asked with SLOTS, or with a
/// BOOK that named no time (the free times are offered and nothing is booked).
public struct SlotsAsked: Sendable, Equatable {
    public var part: DayPart?
    public var forBooking: Bool

    public init(part: DayPart? = nil, forBooking: Bool = false) {
        self.part = part
        self.forBooking = forBooking
    }
}

extension DaySlots {
    /// The same day with only the slots that start in `part` (all of them for nil).
    public func only(_ part: DayPart?) -> DaySlots {
        guard let part else { return self }
        let kept = slots.filter { part.contains($0.time) }
        let closed = closedBecause ?? (kept.isEmpty ? .nothingIn(part) : nil)
        return DaySlots(date: date, slots: kept, closedBecause: closed)
    }
}
