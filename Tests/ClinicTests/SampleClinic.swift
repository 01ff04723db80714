@testable import Clinic

/// The sample clinic's doctors, built in code so the core's tests need no files.
enum SampleClinic {
    static func hours(_ days: [Weekday], _ ranges: [String]) -> WeeklyHours {
        var map: [Weekday: [TimeRange]] = [:]
        for day in days { map[day] = ranges.map { TimeRange(text: $0)! } }
        return WeeklyHours(map)
    }

    static let info = ClinicInfo(name: "Kanchi Care Hospital", address: "Kanchipuram", phone: "+91 44 2722 0000",
                                 deskEmail: "desk@kanchicare.example", timeZone: "Asia/Kolkata", currency: "INR")

    static let doctors = [
        Doctor(id: "rao", name: "Dr Suresh Rao", specialty: "Cardiology", qualifications: "MD, DM", fee: Money(major: 800),
               slotMinutes: 30, hours: hours([.mon, .tue, .wed, .thu, .fri, .sat], ["09:00-13:00"]), email: "rao@kanchicare.example"),
        Doctor(id: "iyer", name: "Dr Meena Iyer", specialty: "Paediatrics", qualifications: "MD", fee: Money(major: 600),
               slotMinutes: 20, hours: hours([.mon, .tue, .wed, .thu, .fri], ["10:00-13:00", "17:00-19:00"]), email: "iyer@kanchicare.example"),
        Doctor(id: "kumar", name: "Dr Arun Kumar", specialty: "General Medicine", qualifications: "MD", fee: Money(major: 400),
               slotMinutes: 15, hours: hours([.mon, .tue, .wed, .thu, .fri, .sat], ["08:00-12:00"]), email: "kumar@kanchicare.example"),
    ]

    static func state() -> ClinicState { try! ClinicState(info: info, doctors: doctors) }

    /// Mon 2 Mar 2026, 09:00 IST.
    static let now: Int64 = 1_772_422_200

    static let monday = LocalDate(year: 2026, month: 3, day: 2)
    static let tuesday = LocalDate(year: 2026, month: 3, day: 3)

    /// A clinic with one verified patient per address given.
    static func withPatients(_ addresses: [String]) -> ClinicState {
        var state = state()
        var random = SeededGenerator(seed: 1)
        for address in addresses {
            let sender = Sender(address: address, channel: .email)
            let registered = state.decide(.register(name: "Patient \(address)"), from: sender, now: now, random: &random)
            state.apply(registered.events)
            guard case .registered(_, let code, _) = registered.outcome else { fatalError("not registered") }
            state.apply(state.decide(.verify(code: code), from: sender, now: now, random: &random).events)
        }
        return state
    }
}

/// Decides `intent` from `sender` at `now` with a fixed seed and applies its events, as the desk does.
func decide(_ state: inout ClinicState, _ intent: Intent, _ sender: Sender, at now: Int64 = SampleClinic.now) -> Decision {
    var random = SeededGenerator(seed: 1)
    let decision = state.decide(intent, from: sender, now: now, random: &random)
    state.apply(decision.events)
    return decision
}
