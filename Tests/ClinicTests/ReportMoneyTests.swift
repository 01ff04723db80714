import Testing
@testable import Clinic

/// The fees in the month's reports: a doctor's EARNINGS counts what was paid online, in cash at the desk and
/// refunded to cards for their appointments of the month, day by day, apart from the EARNING entries; the
/// desk's REPORT shows it by doctor with what is still outstanding.
@Suite struct ReportMoneyTests {
    let patients = ["a@example.in", "b@example.in", "c@example.in", "d@example.in", "e@example.in"].map { Sender(address: $0, channel: .email) }
    let desk = Sender(address: "desk@kanchicare.example", channel: .email)
    let rao = Sender(address: "rao@kanchicare.example", channel: .email)
    let march = YearMonth(year: 2026, month: 3)
    let wednesday = SampleClinic.tuesday.adding(days: 1)
    /// Sat 14 Mar 2026 09:00 IST: every appointment below is over.
    let later = SampleClinic.now + 12 * 86_400

    /// A clinic taking fees online, with all of it back for a cancellation a day ahead.
    func clinic() -> ClinicState {
        var state = SampleClinic.withPatients(patients.map(\.address))
        state.info.payment = PaymentPolicy(mode: .atBooking, holdMinutes: 30, refund: RefundRule(fullIfHoursBefore: 24, otherwisePercent: 0))
        state.onlinePayments = true
        return state
    }

    func book(_ state: inout ClinicState, _ doctorID: String, _ day: LocalDate, _ hour: Int, _ minute: Int = 0, by patient: Sender) throws -> Appointment {
        let decision = decide(&state, .book(doctorID: doctorID, day: day, time: TimeOfDay(hour: hour, minute: minute)!, reason: nil), patient)
        guard case .bookedWithPayment(let appointment, _) = decision.outcome else { throw CashPaymentFailure(description: "\(decision.outcome)") }
        return appointment
    }

    func report(_ state: inout ClinicState, _ report: PaymentReport) {
        state.apply(state.decide(report, now: SampleClinic.now).events)
    }

    func payByCard(_ state: inout ClinicState, _ appointment: Appointment, _ intentID: String) {
        let fee = state.doctor(id: appointment.doctorID)!.fee
        report(&state, .succeeded(ref: appointment.ref, intentID: intentID, amount: fee, currency: "inr"))
    }

    /// Dr Rao's March: Tuesday one visit paid by card and seen, one paid by card, cancelled a day ahead and
    /// refunded; Wednesday one paid in cash; Thursday one not paid; Friday a no-show not paid; and ₹2,500
    /// recorded with EARNING on Monday. Dr Iyer's: one paid in cash, one not paid.
    func month() throws -> ClinicState {
        var state = clinic()
        let seen = try book(&state, "rao", SampleClinic.tuesday, 10, by: patients[0])
        payByCard(&state, seen, "pi_1")
        let cancelled = try book(&state, "rao", SampleClinic.tuesday, 10, 30, by: patients[1])
        payByCard(&state, cancelled, "pi_2")
        _ = decide(&state, .cancel(ref: cancelled.ref), patients[1])
        report(&state, .refunded(ref: cancelled.ref, refundID: "re_1", amount: Money(major: 800)))
        let cash = try book(&state, "rao", wednesday, 10, by: patients[2])
        _ = decide(&state, .recordPayment(ref: cash.ref, method: .cash), desk)
        _ = try book(&state, "rao", wednesday.adding(days: 1), 10, by: patients[3])
        let absent = try book(&state, "rao", wednesday.adding(days: 2), 10, by: patients[4])
        _ = decide(&state, .markAppointment(ref: seen.ref, status: .completed), rao, at: seen.end)
        _ = decide(&state, .markAppointment(ref: absent.ref, status: .noShow), rao, at: absent.end)
        _ = decide(&state, .earning(amount: Money(major: 2500), day: SampleClinic.monday, note: "OPD", replacingDay: false), rao)

        let iyerCash = try book(&state, "iyer", wednesday, 11, by: patients[1])
        _ = decide(&state, .recordPayment(ref: iyerCash.ref, method: .cash), desk)
        _ = try book(&state, "iyer", wednesday.adding(days: 5), 10, by: patients[4])
        return state
    }

    @Test func theDoctorsEarningsShowTheFeesPaidOnlineInCashAndRefunded() throws {
        var state = try month()
        guard case .earningsReport(let earnings) = decide(&state, .earnings(month: march, doctorID: nil), rao, at: later).outcome else {
            Issue.record("no report"); return
        }
        #expect(earnings.paidOnline == Money(major: 1600) && earnings.paidCash == Money(major: 800) && earnings.refunded == Money(major: 800))
        #expect(earnings.collected == Money(major: 1600))
        #expect(earnings.days.map(\.day) == [SampleClinic.monday, SampleClinic.tuesday, wednesday])
        #expect(earnings.days.map(\.online) == [Money(major: 0), Money(major: 1600), Money(major: 0)])
        #expect(earnings.days.map(\.cash) == [Money(major: 0), Money(major: 0), Money(major: 800)])
        #expect(earnings.days.map(\.refunded) == [Money(major: 0), Money(major: 800), Money(major: 0)])
        #expect(earnings.days.map(\.total) == [Money(major: 2500), Money(major: 0), Money(major: 0)])
    }

    @Test func theEarningEntriesKeepTheirOwnTotalAverageAndDaysWorked() throws {
        var state = try month()
        guard case .earningsReport(let earnings) = decide(&state, .earnings(month: march, doctorID: nil), rao, at: later).outcome else {
            Issue.record("no report"); return
        }
        #expect(earnings.total == Money(major: 2500) && earnings.averagePerDay == Money(major: 2500) && earnings.daysWorked == 1)
        #expect(earnings.bestDay == Money(major: 2500) && earnings.consultationsCompleted == 1)
        #expect(earnings.previousTotal == Money(major: 0) && earnings.changePercent == nil)
    }

    @Test func aMonthWithOnlyFeesPaidStillHasAReport() throws {
        var state = clinic()
        let appointment = try book(&state, "rao", SampleClinic.tuesday, 10, by: patients[0])
        payByCard(&state, appointment, "pi_1")
        guard case .earningsReport(let earnings) = decide(&state, .earnings(month: march, doctorID: nil), rao, at: later).outcome else {
            Issue.record("no report"); return
        }
        #expect(earnings.days.map(\.day) == [SampleClinic.tuesday] && earnings.daysWorked == 0)
        #expect(earnings.total == Money(major: 0) && earnings.averagePerDay == Money(major: 0) && earnings.collected == Money(major: 800))
    }

    @Test func aRefundStillOnItsWayIsNotCountedAsRefunded() throws {
        var state = clinic()
        let appointment = try book(&state, "rao", SampleClinic.tuesday, 10, by: patients[0])
        payByCard(&state, appointment, "pi_1")
        _ = decide(&state, .cancel(ref: appointment.ref), patients[0])
        #expect(state.payments[appointment.ref]?.refundRequested == Money(major: 800))
        let earnings = state.earnings(of: "rao", in: march)
        #expect(earnings.paidOnline == Money(major: 800) && earnings.refunded == Money(major: 0) && earnings.collected == Money(major: 800))
        report(&state, .refunded(ref: appointment.ref, refundID: "re_1", amount: Money(major: 800)))
        let refunded = state.hospitalMonth(march).doctors.first { $0.doctorID == "rao" }
        #expect(refunded?.collected == Money(major: 0) && refunded?.refunded == Money(major: 800) && refunded?.outstanding == Money(major: 0))
    }

    @Test func theHospitalsReportShowsCollectedRefundedAndOutstandingByDoctor() throws {
        var state = try month()
        guard case .monthReport(let report) = decide(&state, .monthReport(march), desk, at: later).outcome else {
            Issue.record("no report"); return
        }
        let raoLine = try #require(report.doctors.first { $0.doctorID == "rao" })
        #expect(raoLine.appointments == 5 && raoLine.completed == 1 && raoLine.noShows == 1 && raoLine.cancelledByPatients == 1 && raoLine.confirmed == 2)
        #expect(raoLine.collected == Money(major: 1600) && raoLine.refunded == Money(major: 800))
        #expect(raoLine.outstanding == Money(major: 800), "Thursday's visit; not the no-show, not the cancelled one")
        #expect(raoLine.earnings == Money(major: 2500))
        let iyerLine = try #require(report.doctors.first { $0.doctorID == "iyer" })
        #expect(iyerLine.collected == Money(major: 600) && iyerLine.refunded == Money(major: 0) && iyerLine.outstanding == Money(major: 600))
        let kumarLine = try #require(report.doctors.first { $0.doctorID == "kumar" })
        #expect(kumarLine.collected == Money(major: 0) && kumarLine.outstanding == Money(major: 0))
        #expect(report.total.collected == Money(major: 2200) && report.total.refunded == Money(major: 800) && report.total.outstanding == Money(major: 1400))
    }
}
