import Testing
@testable import Clinic

/// A patient holds at most `maxUpcoming` (default 5) upcoming appointments, none beyond `bookingHorizonDays`
/// (default 90): a script on one address cannot empty a doctor's week or book a year ahead.
@Suite struct BookingLimitTests {
    let a = Sender(address: "a@example.in", channel: .email)

    func book(_ state: inout ClinicState, _ day: LocalDate, _ minutes: Int, seed: UInt64) -> Decision {
        var random = SeededGenerator(seed: seed)
        let decision = state.decide(.book(doctorID: "rao", day: day, time: TimeOfDay(minutes: minutes), reason: nil), from: a,
                                    now: SampleClinic.now, random: &random)
        state.apply(decision.events)
        return decision
    }

    @Test func theSixthUpcomingAppointmentIsRefused() {
        var state = SampleClinic.withPatients([a.address])
        for i in 0..<5 {
            guard case .booked = book(&state, SampleClinic.tuesday, 540 + 30 * i, seed: UInt64(i)).outcome else {
                Issue.record("booking \(i + 1) refused"); return
            }
        }
        let sixth = book(&state, SampleClinic.tuesday, 720, seed: 9)
        #expect(sixth.outcome == .bookRefused(.tooManyUpcoming(limit: 5), alternatives: []))
        #expect(sixth.events.isEmpty)
    }

    @Test func noBookingBeyondTheHorizon() {
        var state = SampleClinic.withPatients([a.address])
        let far = LocalDate(year: 2026, month: 6, day: 2)  // 92 days after Mon 2 Mar
        guard case .bookRefused(.beyondHorizon(days: 90), _) = book(&state, far, 600, seed: 1).outcome else {
            Issue.record("booked 92 days ahead"); return
        }
        let near = LocalDate(year: 2026, month: 5, day: 26)  // 85 days ahead, a Tuesday
        guard case .booked = book(&state, near, 600, seed: 2).outcome else { Issue.record("refused 85 days ahead"); return }
    }
}
