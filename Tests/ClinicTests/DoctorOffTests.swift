import Testing
@testable import Clinic

/// DOCTOR OFF in the core: refused while the doctor has confirmed appointments ahead, then the doctor is off.
@Suite struct DoctorOffTests {
    let desk = Sender(address: "desk@kanchicare.example", channel: .email)
    let rao = Sender(address: "rao@kanchicare.example", channel: .email)
    let a = Sender(address: "a@example.in", channel: .email)
    let tuesday = SampleClinic.tuesday


    @Test func refusedWhileAppointmentsRemainThenDone() throws {
        var state = SampleClinic.withPatients([a.address])
        _ = decide(&state, .book(doctorID: "rao", day: tuesday, time: TimeOfDay(hour: 12, minute: 0)!, reason: nil), a)
        let appointment = state.appointments(doctorID: "rao", on: tuesday)[0]

        let refused = decide(&state, .doctorOff(doctorID: "rao"), desk)
        #expect(refused.events.isEmpty)
        #expect(refused.outcome == .doctorOffRefused(try #require(state.doctor(id: "rao")), remaining: [appointment]))
        #expect(state.doctor(id: "rao")?.active == true)

        _ = decide(&state, .broadcastCancel(doctorID: "rao", day: tuesday, reason: nil), desk)
        let done = decide(&state, .doctorOff(doctorID: "rao"), desk)
        #expect(done.events == [.doctorDeactivated(doctorID: "rao")])
        #expect(state.doctor(id: "rao")?.active == false)
        guard case .doctorList(let listed, _) = decide(&state, .doctors(specialty: nil), a).outcome else { Issue.record("no list"); return }
        #expect(!listed.contains { $0.id == "rao" })
        let booking = decide(&state, .book(doctorID: "rao", day: tuesday.adding(days: 7), time: TimeOfDay(hour: 10, minute: 0)!, reason: nil), a)
        #expect(booking.outcome == .bookRefused(.doctorInactive, alternatives: []))
    }

    @Test func onlyTheDeskMayTakeADoctorOff() {
        var state = SampleClinic.withPatients([a.address])
        for sender in [rao, a] {
            #expect(decide(&state, .doctorOff(doctorID: "iyer"), sender).outcome
                == .notAllowed(command: "DOCTOR OFF", allowed: .desk))
        }
        #expect(state.doctor(id: "iyer")?.active == true)
    }
}
