import Foundation
import Testing
@testable import Clinic

/// Fees paid online: a booking held for its payment (nobody else takes the slot), released unpaid when its
/// time is up, paid by Stripe's report (once, for the right amount), a declined card's new attempt, PAY,
/// refunds by the rule and in full when the clinic cancels, and where each fee stands in APPOINTMENTS.
@Suite struct OnlinePaymentTests {
    let a = Sender(address: "a@example.in", channel: .email)
    let b = Sender(address: "b@example.in", channel: .email)
    let rao = Sender(address: "rao@kanchicare.example", channel: .email)
    let ten = TimeOfDay(minutes: 600)

    func clinic(_ mode: PaymentPolicy.Mode, online: Bool = true) -> ClinicState {
        var state = SampleClinic.withPatients([a.address, b.address])
        state.info.payment = PaymentPolicy(mode: mode, holdMinutes: 30, refund: RefundRule(fullIfHoursBefore: 24, otherwisePercent: 50))
        state.onlinePayments = online
        return state
    }

    func held(_ state: inout ClinicState, day: LocalDate = SampleClinic.tuesday) throws -> (Appointment, PaymentDue) {
        let decision = decide(&state, .book(doctorID: "rao", day: day, time: ten, reason: nil), a)
        guard case .bookedWithPayment(let appointment, let due) = decision.outcome else { throw CashPaymentFailure(description: "\(decision.outcome)") }
        return (appointment, due)
    }

    func report(_ state: inout ClinicState, _ report: PaymentReport, at now: Int64 = SampleClinic.now) -> Decision {
        let decision = state.decide(report, now: now)
        state.apply(decision.events)
        return decision
    }

    @Test func aHeldSlotIsNobodyElsesAndIsReleasedUnpaidWhenItsTimeIsUp() throws {
        var state = clinic(.atBooking)
        let (appointment, due) = try held(&state)
        #expect(due.amount == Money(major: 800) && due.holdUntil == SampleClinic.now + 1800 && due.isHold)
        let other = decide(&state, .book(doctorID: "rao", day: SampleClinic.tuesday, time: ten, reason: nil), b)
        guard case .bookRefused(.taken, _) = other.outcome else { Issue.record("\(other.outcome)"); return }
        // Not yet: nothing happens a second before the deadline.
        #expect(report(&state, .holdEnded(ref: appointment.ref), at: SampleClinic.now + 1799).events.isEmpty)
        let released = report(&state, .holdEnded(ref: appointment.ref), at: SampleClinic.now + 1800)
        guard case .paymentReport(.released(let after)) = released.outcome else { Issue.record("\(released.outcome)"); return }
        #expect(after.status == .cancelledByClinic)
        #expect(released.notices == [PatientNotice(patientID: appointment.patientID, kind: .holdReleased(after))])
        #expect(state.dues.isEmpty && state.holdsEnding(by: .max).isEmpty)
        guard case .bookedWithPayment = decide(&state, .book(doctorID: "rao", day: SampleClinic.tuesday, time: ten, reason: nil), b).outcome else {
            Issue.record("the slot is not free again"); return
        }
        guard case .payRefused(.notActive) = decide(&state, .pay(ref: appointment.ref), a).outcome else { Issue.record("PAY still works"); return }
    }

    @Test func stripesReportPaysOnceAndOnlyTheRightAmount() throws {
        var state = clinic(.atBooking)
        let (appointment, due) = try held(&state)
        _ = report(&state, .intentCreated(ref: appointment.ref, attempt: 1, intentID: "pi_1", clientSecret: "pi_1_secret"))
        #expect(state.dues[appointment.ref]?.intentID == "pi_1")
        let short = report(&state, .succeeded(ref: appointment.ref, intentID: "pi_1", amount: Money(major: 8), currency: "inr"))
        #expect(short.events.isEmpty && short.outcome == .paymentReport(.mismatch(appointment, expected: due.amount, got: Money(major: 8), currency: "INR")))
        let foreign = report(&state, .succeeded(ref: appointment.ref, intentID: "pi_1", amount: due.amount, currency: "usd"))
        #expect(foreign.events.isEmpty)
        let paid = report(&state, .succeeded(ref: appointment.ref, intentID: "pi_1", amount: due.amount, currency: "inr"))
        guard case .paymentReport(.paid(_, let payment)) = paid.outcome else { Issue.record("\(paid.outcome)"); return }
        #expect(payment.method == .card && payment.intentID == "pi_1" && payment.by == "stripe")
        #expect(paid.notices.count == 1 && state.dues.isEmpty && state.ref(ofIntent: "pi_1") == appointment.ref)
        #expect(report(&state, .succeeded(ref: appointment.ref, intentID: "pi_1", amount: due.amount, currency: "inr")).events.isEmpty)
        // Paid: the hold is gone, its end changes nothing.
        #expect(report(&state, .holdEnded(ref: appointment.ref), at: .max).events.isEmpty)
        #expect(decide(&state, .appointments, a).outcome == .appointmentList([appointment], fees: [appointment.ref: .paid]))
        guard case .payRefused(.alreadyPaid) = decide(&state, .pay(ref: appointment.ref), a).outcome else { Issue.record("PAY of a paid one"); return }
        #expect(decide(&state, .pay(ref: nil), a).outcome == .payRefused(.whichOne([])))
    }

    @Test func aDeclinedCardGetsANewAttemptAndTheOldIntentsAnswerIsIgnored() throws {
        var state = clinic(.atBooking)
        let (appointment, _) = try held(&state)
        _ = report(&state, .intentCreated(ref: appointment.ref, attempt: 1, intentID: "pi_1", clientSecret: "s1"))
        let failed = report(&state, .failed(ref: appointment.ref, intentID: "pi_1", reason: "the card has expired"))
        guard case .paymentFailed(_, let due) = failed.notices.first?.kind else { Issue.record("\(failed.notices)"); return }
        #expect(due.attempt == 2 && due.intentID == nil && due.lastFailure == "the card has expired" && state.dues[appointment.ref] == due)
        // The same failure reported again, or the first attempt's late creation, changes nothing.
        #expect(report(&state, .failed(ref: appointment.ref, intentID: "pi_1", reason: "x")).events.isEmpty)
        #expect(report(&state, .intentCreated(ref: appointment.ref, attempt: 1, intentID: "pi_9", clientSecret: "s9")).events.isEmpty)
        _ = report(&state, .intentCreated(ref: appointment.ref, attempt: 2, intentID: "pi_2", clientSecret: "s2"))
        #expect(state.dues[appointment.ref]?.intentID == "pi_2")
        guard case .payLink(_, let again) = decide(&state, .pay(ref: appointment.ref), a).outcome else { Issue.record("no link"); return }
        #expect(again.lastFailure == "the card has expired" && again.clientSecret == "s2")
    }

    @Test func optionalConfirmsAtOnceAndPAYStartsAPaymentWhereNoneWas() throws {
        var state = clinic(.optional)
        let (appointment, due) = try held(&state)
        #expect(!due.isHold && appointment.isActive)
        #expect(report(&state, .holdEnded(ref: appointment.ref), at: .max).events.isEmpty)
        // Booked while payments were off: PAY asks for a payment now.
        var off = clinic(.optional, online: false)
        guard case .booked(let plain) = decide(&off, .book(doctorID: "rao", day: SampleClinic.tuesday, time: ten, reason: nil), a).outcome else {
            Issue.record("not booked"); return
        }
        #expect(decide(&off, .pay(ref: plain.ref), a).outcome == .payRefused(.notOnline))
        off.onlinePayments = true
        let pay = decide(&off, .pay(ref: nil), a)
        #expect(pay.events == [.paymentDue(ref: plain.ref, due: PaymentDue(amount: Money(major: 800), holdUntil: nil))])
        #expect(decide(&off, .pay(ref: plain.ref), b).outcome == .payRefused(.notYours(plain.ref)))
        #expect(decide(&off, .pay(ref: "ZZZZZ"), a).outcome == .payRefused(.unknownRef("ZZZZZ")))
    }

    @Test func refundsFollowTheRuleForThePatientAndAreWholeWhenTheClinicCancels() throws {
        var state = clinic(.atBooking)
        // Tuesday 10:00 is 25 hours ahead: a cancellation now gets everything back.
        let (early, due) = try held(&state)
        _ = report(&state, .succeeded(ref: early.ref, intentID: "pi_1", amount: due.amount, currency: "inr"))
        let cancelled = decide(&state, .cancel(ref: early.ref), a)
        #expect(cancelled.events.last == .refundRequested(ref: early.ref, amount: due.amount, at: SampleClinic.now))
        guard case .cancelled(_, let refund) = cancelled.outcome else { Issue.record("\(cancelled.outcome)"); return }
        #expect(refund == due.amount)
        let fees = decide(&state, .appointments, a).outcome
        guard case .appointmentList(_, let shown) = fees else { Issue.record("\(fees)"); return }
        #expect(shown[early.ref] == .refunded(due.amount, pending: true))
        _ = report(&state, .refunded(ref: early.ref, refundID: "re_1", amount: due.amount))
        #expect(report(&state, .refunded(ref: early.ref, refundID: "re_1", amount: due.amount)).events.isEmpty, "counted once")
        #expect(state.payments[early.ref]?.refunded == due.amount)

        // Within 24 hours: half back, as the rule says.
        let (late, _) = try held(&state, day: SampleClinic.tuesday.adding(days: 1))
        _ = report(&state, .succeeded(ref: late.ref, intentID: "pi_2", amount: due.amount, currency: "inr"))
        let lateCancel = decide(&state, .cancel(ref: late.ref), a, at: late.start - 3600)
        #expect(lateCancel.events.last == .refundRequested(ref: late.ref, amount: Money(major: 400), at: late.start - 3600))

        // The doctor cancels the day: the paid patient gets everything back, the notice says so.
        let (third, _) = try held(&state, day: SampleClinic.tuesday.adding(days: 2))
        _ = report(&state, .succeeded(ref: third.ref, intentID: "pi_3", amount: due.amount, currency: "inr"))
        let day = decide(&state, .cancelDay(day: SampleClinic.tuesday.adding(days: 2), reason: nil), rao, at: third.start - 3600)
        #expect(day.events.contains(.refundRequested(ref: third.ref, amount: due.amount, at: third.start - 3600)))
        guard case .cancellation(_, _, _, _, let refunds) = day.notices.first?.kind else { Issue.record("\(day.notices)"); return }
        #expect(refunds == [third.ref: due.amount])
        // Never more than was paid, however often asked.
        let decoded = try JSONDecoder().decode(ClinicState.self, from: JSONEncoder().encode(state))
        #expect(decoded.payments == state.payments && decoded.dues == state.dues && decoded.ref(ofIntent: "pi_3") == third.ref)
    }

    @Test func aPaymentThatComesAfterTheHoldEndedGoesBackWhole() throws {
        var state = clinic(.atBooking)
        let (appointment, due) = try held(&state)
        _ = report(&state, .holdEnded(ref: appointment.ref), at: SampleClinic.now + 1800)
        let late = report(&state, .succeeded(ref: appointment.ref, intentID: "pi_1", amount: due.amount, currency: "inr"), at: SampleClinic.now + 1900)
        #expect(late.events.last == .refundRequested(ref: appointment.ref, amount: due.amount, at: SampleClinic.now + 1900))
        guard case .lateRefund(_, let amount) = late.notices.first?.kind else { Issue.record("\(late.notices)"); return }
        #expect(amount == due.amount)
    }

    @Test func aSecondPaymentOfAPaidAppointmentGoesBackWholeAndLeavesTheFirstAlone() throws {
        var state = clinic(.atBooking)
        let (appointment, due) = try held(&state)
        _ = report(&state, .succeeded(ref: appointment.ref, intentID: "pi_1", amount: due.amount, currency: "inr"))
        let twice = report(&state, .succeeded(ref: appointment.ref, intentID: "pi_2", amount: due.amount, currency: "inr"))
        #expect(twice.events == [.extraPaymentReturned(ref: appointment.ref, intentID: "pi_2", amount: due.amount, at: SampleClinic.now)])
        #expect(twice.notices.first?.kind == .paidTwice(appointment, due.amount))
        #expect(state.payments[appointment.ref]?.intentID == "pi_1" && state.payments[appointment.ref]?.refundRequested.minorUnits == 0)
        // Stripe's word of that refund (through the second PaymentIntent) is not the appointment's refund.
        #expect(report(&state, .refunded(ref: appointment.ref, refundID: "re_9", amount: due.amount, intentID: "pi_2")).events.isEmpty)
        #expect(state.payments[appointment.ref]?.refunded.minorUnits == 0)
    }

    @Test func withoutOnlinePaymentsThePolicyIsNotApplied() {
        var state = clinic(.atBooking, online: false)
        guard case .booked = decide(&state, .book(doctorID: "rao", day: SampleClinic.tuesday, time: ten, reason: nil), a).outcome else {
            Issue.record("not a plain booking"); return
        }
        #expect(state.dues.isEmpty)
    }
}
