/// One consultation slot of a doctor's clinic hours, as a patient sees it.
public struct Slot: Sendable, Equatable {
    public let doctorID: String
    public let date: LocalDate
    public let time: TimeOfDay
    public let start: Int64
    public let end: Int64
    public let isBooked: Bool

    public init(doctorID: String, date: LocalDate, time: TimeOfDay, start: Int64, end: Int64, isBooked: Bool) {
        self.doctorID = doctorID
        self.date = date
        self.time = time
        self.start = start
        self.end = end
        self.isBooked = isBooked
    }
}

/// A doctor's slots on one clinic day.
public struct DaySlots: Sendable, Equatable {
    public let date: LocalDate
    public let slots: [Slot]
    /// Why the day has no slots at all, if it has none.
    public let closedBecause: DayClosure?

    public var freeCount: Int { slots.count { !$0.isBooked } }
}

/// Why a doctor's day shows no slots.
public enum DayClosure: Sendable, Equatable {
    case doctorInactive(doctor: String)
    case onLeave(doctor: String)
    case noClinic(doctor: String, weekday: Weekday)
    /// Every slot of the day is past or inside the minimum notice.
    case nothingLeft
    /// None of the day's slots starts in that part of it.
    case nothingIn(DayPart)
}
