import Testing
@testable import Clinic

/// BOOK … earliest: the first slot in time that the patient may book, of one doctor or of several.
@Suite struct EarliestBookingTests {
    let a = Sender(address: "a@example.in", channel: .email)
    let b = Sender(address: "b@example.in", channel: .email)

    func instant(_ date: LocalDate, _ hour: Int, _ minute: Int = 0) -> Int64 {
        SampleClinic.state().zone.instant(date, TimeOfDay(minutes: hour * 60 + minute))
    }

    func booked(_ decision: Decision) -> Appointment? {
        if case .booked(let appointment) = decision.outcome { return appointment }
        return nil
    }

    @Test func theFirstSlotPastTheNoticeIsBooked() throws {
        var state = SampleClinic.withPatients([a.address, b.address])
        // Mon 09:00 with an hour's notice: Dr Rao's 10:00.
        let first = try #require(booked(decide(&state, .bookEarliest(doctorIDs: ["rao"], day: nil, part: nil, reason: "fever"), a)))
        #expect(first.start == instant(SampleClinic.monday, 10) && first.reason == "fever")
        // The next patient gets the next slot; nobody gets the same one twice.
        let second = try #require(booked(decide(&state, .bookEarliest(doctorIDs: ["rao"], day: nil, part: nil, reason: nil), b)))
        #expect(second.start == instant(SampleClinic.monday, 10, 30))
    }

    @Test func aPatientsOwnAppointmentIsSteppedOver() throws {
        var state = SampleClinic.withPatients([a.address])
        _ = try #require(booked(decide(&state, .book(doctorID: "kumar", day: SampleClinic.monday, time: TimeOfDay(minutes: 600), reason: nil), a)))
        // Dr Rao's 10:00-10:30 overlaps the patient's own 10:00 with Dr Kumar: the 10:30 is theirs.
        let next = try #require(booked(decide(&state, .bookEarliest(doctorIDs: ["rao"], day: nil, part: nil, reason: nil), a)))
        #expect(next.start == instant(SampleClinic.monday, 10, 30))
    }

    @Test func ofSeveralDoctorsTheEarliestAndOnATieTheFirstNamed() throws {
        var state = SampleClinic.withPatients([a.address, b.address])
        let first = try #require(booked(decide(&state, .bookEarliest(doctorIDs: ["iyer", "kumar"], day: nil, part: nil, reason: nil), a)))
        #expect(first.doctorID == "iyer" && first.start == instant(SampleClinic.monday, 10))
        let second = try #require(booked(decide(&state, .bookEarliest(doctorIDs: ["iyer", "kumar"], day: nil, part: nil, reason: nil), b)))
        #expect(second.doctorID == "kumar" && second.start == instant(SampleClinic.monday, 10))
    }

    @Test func aDayAndAPartOfTheDayNarrowTheSearch() throws {
        var state = SampleClinic.withPatients([a.address, b.address])
        let evening = try #require(booked(decide(&state, .bookEarliest(doctorIDs: ["iyer"], day: SampleClinic.tuesday, part: .evening, reason: nil), a)))
        #expect(evening.start == instant(SampleClinic.tuesday, 17))
        // Dr Rao has no evening clinic: nothing is booked, and the reply says why.
        let none = decide(&state, .bookEarliest(doctorIDs: ["rao"], day: nil, part: .evening, reason: nil), b)
        #expect(none.outcome == .bookRefused(.noFreeSlot(on: nil, days: SampleClinic.info.bookingHorizonDays), alternatives: []))
        #expect(none.events.isEmpty)
        // On a day asked for, the refusal names the day.
        let monday = decide(&state, .bookEarliest(doctorIDs: ["rao"], day: SampleClinic.monday, part: .evening, reason: nil), b)
        #expect(monday.outcome == .bookRefused(.noFreeSlot(on: SampleClinic.monday, days: SampleClinic.info.bookingHorizonDays), alternatives: []))
    }

    @Test func theCapOnUpcomingAppointmentsHolds() {
        var state = SampleClinic.withPatients([a.address])
        for _ in 0..<SampleClinic.info.maxUpcoming {
            _ = decide(&state, .bookEarliest(doctorIDs: ["kumar"], day: nil, part: nil, reason: nil), a)
        }
        let over = decide(&state, .bookEarliest(doctorIDs: ["kumar"], day: nil, part: nil, reason: nil), a)
        #expect(over.outcome == .bookRefused(.tooManyUpcoming(limit: SampleClinic.info.maxUpcoming), alternatives: []))
    }

    @Test func partsOfTheDayAreSplitAtNoonAndFive() {
        #expect(DayPart.morning.contains(TimeOfDay(minutes: 11 * 60 + 59)) && !DayPart.morning.contains(TimeOfDay(minutes: 12 * 60)))
        #expect(DayPart.afternoon.contains(TimeOfDay(minutes: 12 * 60)) && !DayPart.afternoon.contains(TimeOfDay(minutes: 17 * 60)))
        #expect(DayPart.evening.contains(TimeOfDay(minutes: 17 * 60)))
        let slots = SampleClinic.state().slots(of: SampleClinic.doctors[1], on: SampleClinic.tuesday, now: SampleClinic.now)
        #expect(slots.only(.evening).slots.map(\.time.minutes) == [1020, 1040, 1060, 1080, 1100, 1120])
        #expect(slots.only(.afternoon).slots.map(\.time.minutes) == [720, 740, 760])
        let rao = SampleClinic.state().slots(of: SampleClinic.doctors[0], on: SampleClinic.tuesday, now: SampleClinic.now)
        #expect(rao.only(.evening).slots.isEmpty && rao.only(.evening).closedBecause == .nothingIn(.evening))
    }

    @Test(arguments: [(250_000, "2,500", "2,500"), (20_045_050, "2,00,450.50", "200,450.50"), (80_000, "800", "800"),
                      (123_456_789_00, "12,34,56,789", "123,456,789"), (5, "0.05", "0.05"), (100_000, "1,000", "1,000")])
    func amountsAreGroupedForReplies(minor: Int64, indian: String, western: String) {
        #expect(Money(minorUnits: minor).grouped(indian: true) == indian)
        #expect(Money(minorUnits: minor).grouped(indian: false) == western)
        #expect(Money(minorUnits: minor).description == Money(minorUnits: minor).description.filter { $0 != "," })
    }
}
