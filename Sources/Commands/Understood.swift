import Clinic

/// What was understood of a command before its problem, as values a reply can say in its reader's language:
/// the keyword as written (keywords are English in every language), and the doctor, day and time read so far.
public struct Understood: Sendable, Equatable {
    /// How the doctor is tied to the command in English: "BOOK with Dr Rao", "SLOTS for Dr Rao", "RATE Dr Rao".
    public enum DoctorLink: String, Sendable { case with, `for`, none = "" }
    /// How the day is: "BOOK … on Tue 3 Mar 2026", "RESCHEDULE A7K2Q to Fri 6 Mar 2026".
    public enum DayLink: String, Sendable { case on, to }

    /// The keyword and what it names, as written: "BOOK", "RESCHEDULE A7K2Q", "SET phone", "EARNINGS for Dr Rao".
    public var command: String
    /// The earliest free slot was asked for ("BOOK the earliest free slot").
    public var earliest = false
    public var doctor: String?
    /// The specialty whose doctors were asked for ("BOOK cardiology earliest").
    public var specialty: String?
    public var doctorLink = DoctorLink.with
    public var day: LocalDate?
    public var dayLink = DayLink.on
    public var time: TimeOfDay?

    public init(_ command: String, doctor: String? = nil, link: DoctorLink = .with, day: LocalDate? = nil,
                dayLink: DayLink = .on, time: TimeOfDay? = nil, earliest: Bool = false) {
        self.command = command
        self.doctor = doctor
        self.doctorLink = link
        self.day = day
        self.dayLink = dayLink
        self.time = time
        self.earliest = earliest
    }

    /// "BOOK with Dr Suresh Rao on Tue 3 Mar 2026 at 10:00".
    public var english: String {
        var text = command
        if earliest { text += " the earliest free slot" }
        if let doctor { text += doctorLink == .none ? " \(doctor)" : " \(doctorLink.rawValue) \(doctor)" }
        if let specialty { text += " with a doctor of \(specialty)" }
        if let day { text += " \(dayLink.rawValue) \(CalendarWords.describe(day))" }
        if let time { text += " at \(time)" }
        return text
    }
}
