import Testing
@testable import Clinic

@Suite struct BookingTests {
    let a = Sender(address: "a@example.in", channel: .email)
    let b = Sender(address: "b@example.in", channel: .email)
    let ten = TimeOfDay(minutes: 600)

    func book(_ state: inout ClinicState, _ sender: Sender, _ doctor: String = "rao", _ day: LocalDate = SampleClinic.tuesday,
              time: TimeOfDay, seed: UInt64 = 3) -> Decision {
        var random = SeededGenerator(seed: seed)
        let decision = state.decide(.book(doctorID: doctor, day: day, time: time, reason: "check-up"), from: sender, now: SampleClinic.now, random: &random)
        state.apply(decision.events)
        return decision
    }

    @Test func aSlotGoesToOnePatientOnly() {
        var state = SampleClinic.withPatients([a.address, b.address])
        guard case .booked(let first) = book(&state, a, time: ten).outcome else { Issue.record("not booked"); return }
        #expect(Reference.isWellFormed(first.ref))
        let second = book(&state, b, time: ten, seed: 4)
        guard case .bookRefused(.taken, let alternatives) = second.outcome else { Issue.record("\(second.outcome)"); return }
        #expect(second.events.isEmpty)
        #expect(alternatives.count == 3)
        #expect(state.appointments.count == 1)
    }

    @Test func aPatientCannotHoldTwoOverlappingAppointments() {
        var state = SampleClinic.withPatients([a.address])
        _ = book(&state, a, time: ten)
        // Dr Kumar 10:00-10:15 overlaps Dr Rao 10:00-10:30.
        let clash = book(&state, a, "kumar", SampleClinic.tuesday, time: ten, seed: 9)
        guard case .bookRefused(.overlapsOwn, _) = clash.outcome else { Issue.record("\(clash.outcome)"); return }
        let later = book(&state, a, "kumar", SampleClinic.tuesday, time: TimeOfDay(minutes: 630), seed: 10)
        guard case .booked = later.outcome else { Issue.record("\(later.outcome)"); return }
    }

    @Test func refusalsSayWhy() {
        var state = SampleClinic.withPatients([a.address])
        guard case .bookRefused(.notASlot, _) = book(&state, a, time: TimeOfDay(minutes: 610)).outcome else { Issue.record("misaligned"); return }
        guard case .bookRefused(.noClinicThatDay, _) = book(&state, a, "iyer", LocalDate(year: 2026, month: 3, day: 7), time: ten).outcome else {
            Issue.record("saturday"); return
        }
        guard case .bookRefused(.tooSoon, _) = book(&state, a, "rao", SampleClinic.monday, time: TimeOfDay(minutes: 570)).outcome else {
            Issue.record("notice"); return
        }
        guard case .bookRefused(.inThePast, _) = book(&state, a, "kumar", SampleClinic.monday, time: TimeOfDay(minutes: 480)).outcome else {
            Issue.record("past"); return
        }
    }

    @Test func unregisteredSendersAreAskedToRegister() {
        var state = SampleClinic.state()
        let decision = book(&state, a, time: ten)
        #expect(decision.outcome == .needsRegistration(verificationPending: false))
        #expect(decision.events.isEmpty)
    }

    @Test func cancelWithoutRefOnlyWhenOneIsUpcoming() {
        var state = SampleClinic.withPatients([a.address])
        var random = SeededGenerator(seed: 1)
        #expect(state.decide(.cancel(ref: nil), from: a, now: SampleClinic.now, random: &random).outcome == .cancelRefused(.nothingUpcoming))
        _ = book(&state, a, time: ten)
        _ = book(&state, a, time: TimeOfDay(minutes: 660), seed: 5)
        guard case .cancelChoice(let list) = state.decide(.cancel(ref: nil), from: a, now: SampleClinic.now, random: &random).outcome else {
            Issue.record("no choice"); return
        }
        #expect(list.count == 2)
        let cancel = state.decide(.cancel(ref: list[0].ref), from: a, now: SampleClinic.now, random: &random)
        state.apply(cancel.events)
        #expect(state.appointment(ref: list[0].ref)?.status == .cancelledByPatient)
        let single = state.decide(.cancel(ref: nil), from: a, now: SampleClinic.now, random: &random)
        guard case .cancelled(let gone, _) = single.outcome else { Issue.record("\(single.outcome)"); return }
        #expect(gone.ref == list[1].ref)
    }

    /// `upcoming` and the own-overlap check read the held appointments in place: only confirmed ones count,
    /// the list comes soonest first whatever the booking order, and a cancelled one blocks nothing.
    @Test func upcomingAndOwnOverlapsSeeOnlyConfirmedAppointments() {
        var state = SampleClinic.withPatients([a.address])
        var random = SeededGenerator(seed: 1)
        guard case .booked(let eleven) = book(&state, a, "kumar", time: TimeOfDay(minutes: 660), seed: 21).outcome,
              case .booked(let atTen) = book(&state, a, "rao", time: ten, seed: 22).outcome,
              case .booked(let halfPast) = book(&state, a, "kumar", time: TimeOfDay(minutes: 690), seed: 23).outcome else {
            Issue.record("not booked"); return
        }
        state.apply(state.decide(.cancel(ref: halfPast.ref), from: a, now: SampleClinic.now, random: &random).events)
        let patient = state.patient(address: a.address)!
        #expect(state.upcoming(patientID: patient.id, now: SampleClinic.now).map(\.ref) == [atTen.ref, eleven.ref])
        #expect(state.upcoming(patientID: patient.id, now: atTen.start).map(\.ref) == [eleven.ref])
        // Dr Rao 11:30-12:00 overlaps only the cancelled Dr Kumar 11:30.
        guard case .booked = book(&state, a, "rao", time: TimeOfDay(minutes: 690), seed: 24).outcome else { Issue.record("blocked"); return }
        #expect(state.patientOverlap(patient.id, start: eleven.start, end: eleven.end)?.ref == eleven.ref)
        #expect(state.patientOverlap(patient.id, start: eleven.start, end: eleven.end, except: eleven.ref) == nil)
    }

    @Test func othersCannotCancelYourAppointment() {
        var state = SampleClinic.withPatients([a.address, b.address])
        guard case .booked(let mine) = book(&state, a, time: ten).outcome else { return }
        var random = SeededGenerator(seed: 1)
        #expect(state.decide(.cancel(ref: mine.ref), from: b, now: SampleClinic.now, random: &random).outcome == .cancelRefused(.notYours(mine.ref)))
    }

    @Test func rescheduleIsAtomic() {
        var state = SampleClinic.withPatients([a.address, b.address])
        guard case .booked(let mine) = book(&state, a, time: ten).outcome else { return }
        _ = book(&state, b, time: TimeOfDay(minutes: 660), seed: 6)
        var random = SeededGenerator(seed: 1)
        let blocked = state.decide(.reschedule(ref: mine.ref, day: SampleClinic.tuesday, time: TimeOfDay(minutes: 660)), from: a,
                                   now: SampleClinic.now, random: &random)
        guard case .rescheduleRefused(.taken, _) = blocked.outcome else { Issue.record("\(blocked.outcome)"); return }
        #expect(blocked.events.isEmpty)
        #expect(state.appointment(ref: mine.ref)?.start == mine.start)
        // Moving by one slot into a slot it half-overlaps with itself is fine.
        let moved = state.decide(.reschedule(ref: mine.ref, day: SampleClinic.tuesday, time: TimeOfDay(minutes: 630)), from: a,
                                 now: SampleClinic.now, random: &random)
        state.apply(moved.events)
        #expect(state.appointment(ref: mine.ref)?.sequence == 1)
        let day = state.slots(of: state.doctor(id: "rao")!, on: SampleClinic.tuesday, now: SampleClinic.now)
        #expect(day.slots.first { $0.time.minutes == 600 }?.isBooked == false)
        #expect(day.slots.first { $0.time.minutes == 630 }?.isBooked == true)
    }

    @Test func stateSurvivesEncodingWithItsIndexes() throws {
        var state = SampleClinic.withPatients([a.address])
        _ = book(&state, a, time: ten)
        let data = try JSONEncoder().encode(state)
        let decoded = try JSONDecoder().decode(ClinicState.self, from: data)
        #expect(decoded.appointments == state.appointments)
        #expect(decoded.patient(address: a.address)?.verified == true)
        #expect(decoded.upcoming(patientID: decoded.patient(address: a.address)!.id, now: SampleClinic.now).count == 1)
        #expect(decoded.nextPatientNumber == state.nextPatientNumber)
    }
}

import Foundation
