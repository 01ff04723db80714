import Testing
@testable import Clinic

/// HOURS and LEAVE in the core: availability follows them, and booked patients are listed, never cancelled.
@Suite struct HoursTests {
    let rao = Sender(address: "rao@kanchicare.example", channel: .email)
    let a = Sender(address: "a@example.in", channel: .email)
    let tuesday = SampleClinic.tuesday


    func booked() -> (ClinicState, Appointment) {
        var state = SampleClinic.withPatients([a.address])
        _ = decide(&state, .book(doctorID: "rao", day: tuesday, time: TimeOfDay(hour: 12, minute: 0)!, reason: nil), a)
        return (state, state.appointments(doctorID: "rao", on: tuesday)[0])
    }

    @Test func newHoursChangeTheSlotsAndListWhoIsStranded() throws {
        var (state, appointment) = booked()
        let decision = decide(&state, .setHours(days: [.tue, .wed], ranges: [TimeRange(text: "09:00-11:00")!]), rao)
        guard case .hoursSet(let hours, let stranded) = decision.outcome else { Issue.record("\(decision.outcome)"); return }
        #expect(hours[.tue] == [TimeRange(text: "09:00-11:00")!] && hours[.mon] == [TimeRange(text: "09:00-13:00")!])
        #expect(stranded.map(\.ref) == [appointment.ref])
        #expect(state.appointment(ref: appointment.ref)?.status == .confirmed, "nothing is cancelled by HOURS")
        let slots = state.slots(of: try #require(state.doctor(id: "rao")), on: tuesday, now: SampleClinic.now).slots
        #expect(slots.last?.time == TimeOfDay(hour: 10, minute: 30))
        _ = decide(&state, .setHours(days: [.sat], ranges: []), rao)
        #expect(state.doctor(id: "rao")?.hours[.sat].isEmpty == true)
        #expect(decide(&state, .setHours(days: [.sat], ranges: []), a).outcome == .notAllowed(command: "HOURS", allowed: .doctors))
    }

    @Test func leaveClosesTheDaysAndListsWhoIsStranded() throws {
        var (state, appointment) = booked()
        let decision = decide(&state, .leave(from: tuesday, to: tuesday.adding(days: 2), reason: "conference"), rao)
        #expect(decision.outcome == .leaveAdded(from: tuesday, to: tuesday.adding(days: 2), stranded: [appointment]))
        let rao = try #require(state.doctor(id: "rao"))
        #expect(rao.leave == [tuesday, tuesday.adding(days: 1), tuesday.adding(days: 2)])
        #expect(state.slots(of: rao, on: tuesday.adding(days: 1), now: SampleClinic.now).slots.isEmpty)
        #expect(state.appointment(ref: appointment.ref)?.status == .confirmed)
        #expect(decide(&state, .leave(from: tuesday, to: tuesday.adding(days: 200), reason: nil), self.rao).outcome
                == .leaveRefused(from: tuesday, to: tuesday.adding(days: 200)))
    }
}
