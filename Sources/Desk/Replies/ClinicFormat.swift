import Clinic

/// How the clinic writes days, times and money in replies: always in its own zone, always naming the zone.
/// Holds only the clinic's small directory (its details and doctors), never the patients and appointments,
/// so replies can be written on other threads while the state changes.
struct ClinicFormat: Sendable {
    let info: ClinicInfo
    let zone: ClinicZone
    let doctors: [Doctor]
    private let doctorIndex: [String: Int]

    init(_ clinic: ClinicState) {
        info = clinic.info
        zone = clinic.zone
        doctors = clinic.doctors
        var index: [String: Int] = [:]
        for (i, doctor) in clinic.doctors.enumerated() { index[doctor.id] = i }
        doctorIndex = index
    }

    func doctor(id: String) -> Doctor? { doctorIndex[id].map { doctors[$0] } }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Tue 3 Mar 2026"
    func day(_ date: LocalDate) -> String {
        "\(date.weekday.shortName) \(date.day) \(Self.monthNames[date.month - 1]) \(date.year)"
    }

    /// "10:00 IST"
    func time(_ instant: Int64) -> String {
        "\(zone.local(instant).time) \(zone.abbreviation(at: instant))"
    }

    /// "Tue 3 Mar 2026, 10:00 IST"
    func when(_ instant: Int64) -> String {
        "\(day(zone.local(instant).date)), \(time(instant))"
    }

    /// "Tue 3 Mar 2026, 10:00–10:30 IST"
    func span(_ start: Int64, _ end: Int64) -> String {
        let local = zone.local(start)
        return "\(day(local.date)), \(local.time)–\(zone.local(end).time) \(zone.abbreviation(at: start))"
    }

    func money(_ amount: Money) -> String { info.currencySymbol + amount.description }

    func doctorName(_ id: String) -> String { doctor(id: id)?.name ?? id }

    /// The command a patient would write to book `slot` ("BOOK Dr Rao 2026-03-03 10:00").
    func bookCommand(_ slot: Slot) -> String {
        "BOOK Dr \(doctor(id: slot.doctorID)?.surname ?? slot.doctorID) \(slot.date) \(slot.time)"
    }
}
