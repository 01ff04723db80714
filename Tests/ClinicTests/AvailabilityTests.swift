import Testing
@testable import Clinic

@Suite struct AvailabilityTests {
    @Test func slotsFollowHoursAndBreaks() {
        let state = SampleClinic.state()
        let iyer = state.doctor(id: "iyer")!
        let day = state.slots(of: iyer, on: SampleClinic.tuesday, now: SampleClinic.now)
        // 10:00-13:00 at 20 minutes = 9 slots, 17:00-19:00 = 6 slots; nothing in the break.
        #expect(day.slots.count == 15)
        #expect(!day.slots.contains { $0.time.minutes >= 13 * 60 && $0.time.minutes < 17 * 60 })
        #expect(day.slots.last?.time == TimeOfDay(minutes: 18 * 60 + 40))
    }

    @Test func pastAndMinimumNoticeAreLeftOut() {
        let state = SampleClinic.state()
        let rao = state.doctor(id: "rao")!
        // now is 09:00; an hour's notice leaves 10:00 onwards.
        let today = state.slots(of: rao, on: SampleClinic.monday, now: SampleClinic.now)
        #expect(today.slots.first?.time == TimeOfDay(minutes: 600))
        #expect(today.slots.count == 6)
    }

    @Test func leaveAndClosedDaysHaveNoSlots() {
        var doctors = SampleClinic.doctors
        doctors[0].leave = [SampleClinic.tuesday]
        let state = try! ClinicState(info: SampleClinic.info, doctors: doctors)
        let onLeave = state.slots(of: state.doctor(id: "rao")!, on: SampleClinic.tuesday, now: SampleClinic.now)
        #expect(onLeave.slots.isEmpty)
        #expect(onLeave.closedBecause.map { if case .onLeave = $0 { true } else { false } } == true)
        let sunday = state.slots(of: state.doctor(id: "rao")!, on: LocalDate(year: 2026, month: 3, day: 8), now: SampleClinic.now)
        #expect(sunday.slots.isEmpty)
    }

    @Test func bookedSlotIsMarkedAndNeverOffered() {
        var state = SampleClinic.withPatients(["a@example.in", "b@example.in"])
        var random = SeededGenerator(seed: 7)
        let a = Sender(address: "a@example.in", channel: .email)
        let booked = state.decide(.book(doctorID: "rao", day: SampleClinic.tuesday, time: TimeOfDay(minutes: 600), reason: nil),
                                  from: a, now: SampleClinic.now, random: &random)
        state.apply(booked.events)
        let day = state.slots(of: state.doctor(id: "rao")!, on: SampleClinic.tuesday, now: SampleClinic.now)
        #expect(day.slots.first { $0.time.minutes == 600 }?.isBooked == true)
        let near = state.nearestFree(of: state.doctor(id: "rao")!, around: state.zone.instant(SampleClinic.tuesday, TimeOfDay(minutes: 600)),
                                     now: SampleClinic.now)
        #expect(near.count == 3)
        #expect(!near.contains { $0.start == state.zone.instant(SampleClinic.tuesday, TimeOfDay(minutes: 600)) })
        #expect(near.map(\.time.minutes) == [540, 570, 630])
    }
}
