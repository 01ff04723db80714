import Foundation
import Testing
@testable import Clinic

/// WAIT and the offers a freed slot makes: first come, first offered; held, taken by YES, or passed on.
@Suite struct WaitlistTests {
    let a = Sender(address: "a@example.in", channel: .email)
    let b = Sender(address: "b@example.in", channel: .email)
    let c = Sender(address: "c@example.in", channel: .email)
    let ten = TimeOfDay(minutes: 630)  // 10:30: far enough ahead of 09:00 for a hold before the hour's notice
    var window: TimeRange { TimeRange(start: ten, end: TimeOfDay(minutes: 660))! }

    func offers(_ decision: Decision) -> [SlotOffer] {
        decision.events.compactMap { if case .slotOffered(let offer) = $0 { offer } else { nil } }
    }

    /// a holds Dr Rao's Monday 10:00; b, then c, wait for it.
    func waitingForTen() throws -> (ClinicState, Appointment) {
        var state = SampleClinic.withPatients([a.address, b.address, c.address])
        guard case .booked(let held) = decide(&state, .book(doctorID: "rao", day: SampleClinic.monday, time: ten, reason: nil), a).outcome else {
            throw Failure()
        }
        let first = decide(&state, .wait(doctorID: "rao", day: SampleClinic.monday, window: window), b)
        guard case .waitAdded(_, _, let ahead, _) = first.outcome, ahead == 0 else { throw Failure() }
        let second = decide(&state, .wait(doctorID: "rao", day: SampleClinic.monday, window: window), c)
        guard case .waitAdded(_, _, 1, false) = second.outcome else { throw Failure() }
        return (state, held)
    }
    struct Failure: Error {}

    @Test func aCancellationOffersTheSlotToTheFirstWaitingAndYesBooksIt() throws {
        var (state, held) = try waitingForTen()
        let cancelled = decide(&state, .cancel(ref: held.ref), a)
        let offer = try #require(offers(cancelled).first)
        #expect(offers(cancelled).count == 1 && offer.patientID == state.patient(address: b.address)!.id)
        #expect(offer.start == held.start && offer.until == SampleClinic.now + 15 * 60)
        #expect(cancelled.notices.contains(PatientNotice(patientID: offer.patientID, kind: .slotOffered(offer))))
        // Held: nobody else can book it meanwhile, and SLOTS shows it taken.
        let other = decide(&state, .book(doctorID: "rao", day: SampleClinic.monday, time: ten, reason: nil), c)
        guard case .bookRefused(.taken, _) = other.outcome else { Issue.record("booked a held slot: \(other.outcome)"); return }
        #expect(state.slots(of: state.doctor(id: "rao")!, on: SampleClinic.monday, now: SampleClinic.now).slots.first { $0.time == ten }?.isBooked == true)
        // YES books it under the offer's code, and b waits no more.
        let taken = decide(&state, .takeOffer(code: offer.code), b)
        guard case .booked(let appointment) = taken.outcome else { Issue.record("not booked: \(taken.outcome)"); return }
        #expect(appointment.ref == offer.code && appointment.isFromWaitlist && appointment.start == held.start)
        #expect(state.offers.isEmpty && state.waitlist.map(\.patientID) == [state.patient(address: c.address)!.id])
        // The month's report counts it.
        #expect(state.hospitalMonth(YearMonth(SampleClinic.monday)).total.fromWaitlist == 1)
        // YES again says it is already theirs.
        #expect(decide(&state, .takeOffer(code: offer.code), b).outcome == .waitRefused(.alreadyTaken(appointment)))
    }

    @Test func anOfferNotAnsweredPassesToTheNextAndNeverBack() throws {
        var (state, held) = try waitingForTen()
        let first = try #require(offers(decide(&state, .cancel(ref: held.ref), a)).first)
        // Before the hold ends nothing happens; at its end, c is offered the slot.
        var random = SeededGenerator(seed: 2)
        #expect(state.lapseOffer(code: first.code, now: first.until - 1, random: &random).events.isEmpty)
        let lapsed = state.lapseOffer(code: first.code, now: first.until, random: &random)
        state.apply(lapsed.events)
        let second = try #require(offers(lapsed).first)
        #expect(second.patientID == state.patient(address: c.address)!.id && second.start == held.start)
        // b, too late, is told so; c lets it go too: nobody is left who has not passed it.
        #expect(decide(&state, .takeOffer(code: first.code), b, at: first.until + 1).outcome == .waitRefused(.unknownOffer(first.code)))
        let again = state.lapseOffer(code: second.code, now: second.until, random: &random)
        state.apply(again.events)
        #expect(offers(again).isEmpty && state.offers.isEmpty && state.waitlist.count == 2)
        // Free again for anyone.
        guard case .booked = decide(&state, .book(doctorID: "rao", day: SampleClinic.monday, time: ten, reason: nil), a, at: second.until).outcome else {
            Issue.record("the slot stayed held"); return
        }
    }

    @Test func waitOffPassesAnOpenOfferOn() throws {
        var (state, held) = try waitingForTen()
        let first = try #require(offers(decide(&state, .cancel(ref: held.ref), a)).first)
        let off = decide(&state, .waitOff(doctorID: nil), b)
        #expect(off.events.contains(.offerEnded(code: first.code, how: .withdrawn)))
        #expect(offers(off).first?.patientID == state.patient(address: c.address)!.id)
        #expect(decide(&state, .waiting, b).outcome == .waitList([], offers: []))
    }

    @Test func aDayTheClinicCancelsIsNotOffered() throws {
        var (state, _) = try waitingForTen()
        let day = decide(&state, .broadcastCancel(doctorID: "rao", day: SampleClinic.monday, reason: "unwell"),
                         Sender(address: SampleClinic.info.deskEmail, channel: .email))
        #expect(offers(day).isEmpty && state.offers.isEmpty)
    }

    @Test func waitingIsNeedlessWhileSlotsAreFree() {
        var state = SampleClinic.withPatients([b.address])
        guard case .waitNotNeeded(_, let free) = decide(&state, .wait(doctorID: "rao", day: nil, window: nil), b).outcome else {
            Issue.record("queued although slots are free"); return
        }
        #expect(free.count == 3 && state.waitlist.isEmpty)
    }

    @Test func theWaitlistSurvivesASnapshot() throws {
        var (state, held) = try waitingForTen()
        _ = decide(&state, .cancel(ref: held.ref), a)
        let data = try JSONEncoder().encode(state)
        let back = try JSONDecoder().decode(ClinicState.self, from: data)
        #expect(back.waitlist == state.waitlist && back.offers == state.offers)
    }

    /// New HOURS that widen a day offer its new slots to the patients waiting for them, first come first.
    @Test func hoursThatWidenADayOfferTheNewSlots() throws {
        var state = SampleClinic.withPatients([a.address, b.address])
        let rao = Sender(address: "rao@kanchicare.example", channel: .email)
        let afternoon = TimeRange(start: TimeOfDay(minutes: 13 * 60), end: TimeOfDay(minutes: 14 * 60))!
        // Dr Rao sees patients until 13:00: nothing in that window yet, so a and then b queue for it.
        for sender in [a, b] {
            let waited = decide(&state, .wait(doctorID: "rao", day: SampleClinic.monday, window: afternoon), sender)
            guard case .waitAdded = waited.outcome else { Issue.record("not queued: \(waited.outcome)"); return }
        }
        let widened = decide(&state, .setHours(days: [.mon], ranges: [TimeRange(start: TimeOfDay(minutes: 9 * 60), end: TimeOfDay(minutes: 14 * 60))!]), rao)
        let made = offers(widened)
        // Two new slots (13:00, 13:30): one to each patient waiting, in the order they asked, never both to one.
        #expect(made.map(\.patientID) == [state.patient(address: a.address)!.id, state.patient(address: b.address)!.id])
        #expect(Set(made.map(\.start)) == [state.zone.instant(SampleClinic.monday, TimeOfDay(minutes: 13 * 60)),
                                            state.zone.instant(SampleClinic.monday, TimeOfDay(minutes: 13 * 60 + 30))])
        // Each takes theirs with YES.
        let taken = decide(&state, .takeOffer(code: made[1].code), b)
        guard case .booked(let appointment) = taken.outcome else { Issue.record("not booked: \(taken.outcome)"); return }
        #expect(appointment.isFromWaitlist && appointment.start == made[1].start)
    }
}
