import Testing
@testable import Clinic

/// CANCEL DAY and the desk's BROADCAST commands in the core: what is cancelled, who is told, once each.
@Suite struct DayCancellationTests {
    let rao = Sender(address: "rao@kanchicare.example", channel: .email)
    let desk = Sender(address: "desk@kanchicare.example", channel: .email)
    let a = Sender(address: "a@example.in", channel: .email)
    let b = Sender(address: "b@example.in", channel: .email)
    let sms = Sender(address: "+919800000001", channel: .sms)
    let tuesday = SampleClinic.tuesday

    /// The sample clinic with a second cardiologist, three verified patients (one by SMS only) and four
    /// appointments with Dr Rao on Tuesday (two of them a's), one on Wednesday.
    func clinic() -> ClinicState {
        let shah = Doctor(id: "shah", name: "Dr Nisha Shah", specialty: "cardiology", qualifications: "DM", fee: Money(major: 900),
                          slotMinutes: 30, hours: SampleClinic.hours([.mon, .tue, .wed, .thu, .fri], ["14:00-16:00"]),
                          email: "shah@kanchicare.example")
        var state = try! ClinicState(info: SampleClinic.info, doctors: SampleClinic.doctors + [shah])
        var random = SeededGenerator(seed: 3)
        for sender in [a, b, sms] {
            let registered = state.decide(.register(name: "Patient \(sender.address)"), from: sender, now: SampleClinic.now, random: &random)
            state.apply(registered.events)
            guard case .registered(_, let code, _) = registered.outcome else { fatalError("not registered") }
            state.apply(state.decide(.verify(code: code), from: sender, now: SampleClinic.now, random: &random).events)
        }
        for (sender, day, hour) in [(a, tuesday, 9), (a, tuesday, 11), (b, tuesday, 10), (sms, tuesday, 12), (b, tuesday.adding(days: 1), 9)] {
            let booked = state.decide(.book(doctorID: "rao", day: day, time: TimeOfDay(hour: hour, minute: 0)!, reason: nil),
                                      from: sender, now: SampleClinic.now, random: &random)
            state.apply(booked.events)
        }
        return state
    }


    @Test func aDoctorsDayIsCancelledAndEachPatientToldOnce() throws {
        var state = clinic()
        let before = state.appointments(doctorID: "rao", on: tuesday).filter(\.isActive)
        #expect(before.count == 4)
        let decision = decide(&state, .cancelDay(day: tuesday, reason: "unwell"), rao)
        guard case .dayCancelled(let summary) = decision.outcome else { Issue.record("\(decision.outcome)"); return }
        #expect(summary.cancelled.count == 4)
        #expect(summary.notified.count == 2 && summary.texted.count == 1 && summary.unreachable.isEmpty, "the SMS-only patient is texted")
        for old in before {
            let now = try #require(state.appointment(ref: old.ref))
            #expect(now.status == .cancelledByClinic && now.sequence == old.sequence + 1)
        }
        #expect(state.appointments(doctorID: "rao", on: tuesday.adding(days: 1)).allSatisfy { $0.isActive })
        #expect(decision.notices.map(\.patientID).count == Set(decision.notices.map(\.patientID)).count)
        let first = try #require(decision.notices.first)
        guard case .cancellation(let appointments, let reason, let same, let other, _) = first.kind else { Issue.record("kind"); return }
        #expect(appointments.count == 2 && reason == "unwell")
        #expect(same.count == 3 && same.allSatisfy { $0.doctorID == "rao" && $0.date != tuesday && !$0.isBooked })
        #expect(other.count == 3 && other.allSatisfy { $0.doctorID == "shah" && !$0.isBooked })

        // Again: nothing is left to cancel, nobody is told twice.
        let again = decide(&state, .cancelDay(day: tuesday, reason: nil), rao)
        #expect(again.events.isEmpty && again.notices.isEmpty)
    }

    @Test func theDeskCancelsEveryDoctorsDayAndBroadcastsOncePerPatient() {
        var state = clinic()
        let message = decide(&state, .broadcast(day: tuesday, message: "Lift out of order"), desk)
        #expect(message.outcome == .broadcastSent(day: tuesday, notified: 2, texted: 1, unreachable: 0))
        #expect(message.events.isEmpty && message.notices.count == 3)
        let all = decide(&state, .broadcastCancel(doctorID: nil, day: tuesday, reason: "power cut"), desk)
        guard case .dayCancelled(let summary) = all.outcome else { Issue.record("\(all.outcome)"); return }
        #expect(summary.doctorIDs == ["rao", "iyer", "kumar", "shah"] && summary.cancelled.count == 4 && all.notices.count == 3)
    }

    @Test func othersAreRefusedByName() {
        var state = clinic()
        #expect(decide(&state, .cancelDay(day: tuesday, reason: nil), a).outcome == .notAllowed(command: "CANCEL DAY", allowed: .doctors))
        #expect(decide(&state, .cancelDay(day: tuesday, reason: nil), desk).outcome == .notAllowed(command: "CANCEL DAY", allowed: .doctors))
        #expect(decide(&state, .broadcast(day: tuesday, message: "x"), a).outcome == .notAllowed(command: "BROADCAST", allowed: .desk))
        #expect(decide(&state, .broadcastCancel(doctorID: "rao", day: tuesday, reason: nil), rao).outcome
                == .notAllowed(command: "BROADCAST", allowed: .desk))
        #expect(state.appointments(doctorID: "rao", on: tuesday).filter(\.isActive).count == 4)
    }
}
