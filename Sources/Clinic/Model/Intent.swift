/// What a sender asked for, with names and days already resolved by the command language.
public enum Intent: Sendable, Equatable {
    case help
    case register(name: String)
    case verify(code: String)
    case info
    case doctors(specialty: String?)
    case doctor(id: String)
    /// `day` nil: the next three clinic days.
    case slots(doctorID: String, day: LocalDate?)
    case book(doctorID: String, day: LocalDate, time: TimeOfDay, reason: String?)
    /// `ref` nil: allowed only when exactly one appointment is upcoming.
    case cancel(ref: String?)
    case reschedule(ref: String, day: LocalDate, time: TimeOfDay)
    case appointments
}
