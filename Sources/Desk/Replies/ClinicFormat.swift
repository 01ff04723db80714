import Clinic

/// How the clinic writes days, times and money in replies: always in its own zone, always naming the zone.
/// Holds only the clinic's small directory (its details and doctors), never the patients and appointments,
/// so replies can be written on other threads while the state changes.
struct ClinicFormat: Sendable {
    let info: ClinicInfo
    let zone: ClinicZone
    let doctors: [Doctor]
    /// Links that open a message to the desk.
    let desk: MailtoLink
    private let doctorIndex: [String: Int]
    /// Each doctor's surname, by index (`Doctor.surname` splits the name on every call).
    private let surnames: [String]
    /// Every doctor's ratings, by doctor and patient (shared with the state, not copied): summed only for the
    /// doctors a reply shows.
    private let doctorRatings: [String: [String: Rating]]
    /// Where pay links point, when fees are taken online.
    var payments: OnlinePayments?
    /// The language of the reader: the words of days, months and every sentence the desk writes in code.
    private(set) var language: Language = .en
    private var calendar = CalendarNames.english

    /// The clinic's format; what `previous` worked out from the same details and doctors is taken over, not
    /// worked out again (the desk makes one for every batch).
    init(_ clinic: ClinicState, reusing previous: ClinicFormat? = nil) {
        info = clinic.info
        zone = clinic.zone
        doctors = clinic.doctors
        doctorRatings = clinic.doctorRatings
        if let previous, previous.info == clinic.info, previous.doctors == clinic.doctors {
            desk = previous.desk
            doctorIndex = previous.doctorIndex
            surnames = previous.surnames
            return
        }
        desk = MailtoLink(to: clinic.info.deskEmail)
        var index: [String: Int] = [:]
        for (i, doctor) in clinic.doctors.enumerated() { index[doctor.id] = i }
        doctorIndex = index
        surnames = clinic.doctors.map(\.surname)
    }

    /// A doctor's average and count of ratings; nil when nobody has rated them.
    func rating(of doctorID: String) -> RatingSummary? {
        guard let ratings = doctorRatings[doctorID], !ratings.isEmpty else { return nil }
        return RatingSummary(ratings.values)
    }

    func doctor(id: String) -> Doctor? { doctorIndex[id].map { doctors[$0] } }

    /// The format for a reader of `language`.
    func speaking(_ language: Language) -> ClinicFormat {
        guard language != self.language else { return self }
        var format = self
        format.language = language
        format.calendar = CalendarNames.of(language)
        return format
    }

    /// "Tue 3 Mar 2026" ("செவ்வாய் 3 மார்ச் 2026" in Tamil)
    func day(_ date: LocalDate) -> String {
        "\(calendar.weekday(date.weekday)) \(date.day) \(calendar.months[date.month - 1]) \(date.year)"
    }

    /// "3 Mar 2026", without the weekday.
    func date(_ date: LocalDate) -> String { "\(date.day) \(monthName(date.month)) \(date.year)" }

    /// "Mar" (1 is January), in the reader's language.
    func monthName(_ month: Int) -> String { calendar.months[month - 1] }

    /// "Tue", in the reader's language.
    func weekdayName(_ day: Weekday) -> String { calendar.weekday(day) }

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

    /// "09:30", as `TimeOfDay.description` writes it, without string interpolation: a day's grid writes dozens.
    func clock(_ time: TimeOfDay) -> String {
        let (hour, minute) = (time.hour, time.minute)
        guard hour < 100 else { return time.description }
        let zero = UInt8(ascii: "0")
        return String(decoding: [zero + UInt8(hour / 10), zero + UInt8(hour % 10), UInt8(ascii: ":"),
                                 zero + UInt8(minute / 10), zero + UInt8(minute % 10)], as: UTF8.self)
    }

    /// "₹2,00,450.50": the currency's symbol and the amount, grouped in the Indian way for rupees.
    func money(_ amount: Money) -> String { info.currencySymbol + amount.grouped(indian: info.currency.uppercased() == "INR") }

    /// The Content-ID a reply's HTML shows a doctor's photo by (`cid:` URL, RFC 2392).
    func photoContentID(_ doctorID: String) -> String {
        "photo-\(doctorID)@" + (info.deskEmail.split(separator: "@").last.map(String.init) ?? "caredesk.invalid")
    }

    func doctorName(_ id: String) -> String { doctor(id: id)?.name ?? id }

    /// The command a patient would write to book `slot` ("BOOK Dr Rao 2026-03-03 10:00").
    func bookCommand(_ slot: Slot) -> String {
        bookCommand(doctorID: slot.doctorID, date: slot.date) + clock(slot.time)
    }

    /// The command without its time ("BOOK Dr Rao 2026-03-03 "), to finish with each of a day's times.
    func bookCommand(doctorID: String, date: LocalDate) -> String {
        "BOOK Dr \(doctorIndex[doctorID].map { surnames[$0] } ?? doctorID) \(date) "
    }
}
