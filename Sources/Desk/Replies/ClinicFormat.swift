import Clinic

/// How the clinic writes days, times and money in replies: always in its own zone, always naming the zone.
struct ClinicFormat {
    let state: ClinicState

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Tue 3 Mar 2026"
    func day(_ date: LocalDate) -> String {
        "\(date.weekday.shortName) \(date.day) \(Self.monthNames[date.month - 1]) \(date.year)"
    }

    /// "10:00 IST"
    func time(_ instant: Int64) -> String {
        "\(state.zone.local(instant).time) \(state.zone.abbreviation(at: instant))"
    }

    /// "Tue 3 Mar 2026, 10:00 IST"
    func when(_ instant: Int64) -> String {
        "\(day(state.zone.local(instant).date)), \(time(instant))"
    }

    /// "Tue 3 Mar 2026, 10:00–10:30 IST"
    func span(_ start: Int64, _ end: Int64) -> String {
        let local = state.zone.local(start)
        return "\(day(local.date)), \(local.time)–\(state.zone.local(end).time) \(state.zone.abbreviation(at: start))"
    }

    func money(_ amount: Money) -> String { state.info.currencySymbol + amount.description }

    func doctorName(_ id: String) -> String { state.doctor(id: id)?.name ?? id }

    /// The command a patient would write to book `slot` ("BOOK Dr Rao 2026-03-03 10:00").
    func bookCommand(_ slot: Slot) -> String {
        "BOOK Dr \(state.doctor(id: slot.doctorID)?.surname ?? slot.doctorID) \(slot.date) \(slot.time)"
    }
}
