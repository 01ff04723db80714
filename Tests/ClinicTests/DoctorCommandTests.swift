import Testing
@testable import Clinic

@Suite struct DoctorCommandTests {
    let rao = Sender(address: "Rao@KanchiCare.example", channel: .email)
    let desk = Sender(address: "desk@kanchicare.example", channel: .email)
    let patient = Sender(address: "a@example.in", channel: .email)

    func run(_ state: inout ClinicState, _ intent: Intent, _ sender: Sender, now: Int64 = SampleClinic.now) -> Outcome {
        var random = SeededGenerator(seed: 1)
        let decision = state.decide(intent, from: sender, now: now, random: &random)
        state.apply(decision.events)
        return decision.outcome
    }

    @Test func rolesComeFromTheAddress() {
        let state = SampleClinic.withPatients([patient.address])
        #expect(state.role(of: rao.address) == .doctor(id: "rao"))
        #expect(state.role(of: desk.address) == .desk)
        #expect(state.role(of: patient.address) == .patient)
    }

    @Test func earningsAddUpExactlyAndSetReplacesTheDay() {
        var state = SampleClinic.withPatients([])
        let today = state.zone.local(SampleClinic.now).date
        _ = run(&state, .earning(amount: Money(decimal: "2500.50")!, day: nil, note: "morning", replacingDay: false), rao)
        let second = run(&state, .earning(amount: Money(major: 1000), day: nil, note: nil, replacingDay: false), rao)
        #expect(second == .earningRecorded(day: today, dayTotal: Money(decimal: "3500.50")!, monthToDate: Money(decimal: "3500.50")!, replaced: false))
        let set = run(&state, .earning(amount: Money(major: 3000), day: nil, note: nil, replacingDay: true), rao)
        #expect(set == .earningRecorded(day: today, dayTotal: Money(major: 3000), monthToDate: Money(major: 3000), replaced: true))
        let tomorrow = today.adding(days: 1)
        #expect(run(&state, .earning(amount: Money(major: 1), day: tomorrow, note: nil, replacingDay: false), rao)
                == .earningRefused(.futureDay(tomorrow)))
    }

    @Test func commandsOutsideTheRoleAreRefusedByName() {
        var state = SampleClinic.withPatients([patient.address])
        #expect(run(&state, .earning(amount: Money(major: 5), day: nil, note: nil, replacingDay: false), patient)
                == .notAllowed(command: "EARNING", allowed: .doctors))
        #expect(run(&state, .schedule(day: nil), desk) == .notAllowed(command: "SCHEDULE", allowed: .doctors))
        #expect(state.earnings.isEmpty)
    }

    @Test func theMonthlyReportComparesWithThePreviousMonth() {
        var state = SampleClinic.withPatients([])
        let today = state.zone.local(SampleClinic.now).date
        let month = YearMonth(today)
        let lastMonthDay = month.previous.first.adding(days: 2)
        _ = run(&state, .earning(amount: Money(major: 2000), day: lastMonthDay, note: nil, replacingDay: false), rao)
        _ = run(&state, .earning(amount: Money(major: 1000), day: month.first, note: nil, replacingDay: false), rao)
        _ = run(&state, .earning(amount: Money(major: 2000), day: today, note: nil, replacingDay: false), rao)
        guard case .earningsReport(let report) = run(&state, .earnings(month: month, doctorID: nil), rao) else {
            Issue.record("no report"); return
        }
        #expect(report.total == Money(major: 3000) && report.daysWorked == (month.first == today ? 1 : 2))
        #expect(report.previousTotal == Money(major: 2000) && report.changePercent == 50)
        // The desk may ask for any doctor's; a doctor only for their own; a future month has nothing.
        guard case .earningsReport = run(&state, .earnings(month: month, doctorID: "rao"), desk) else { Issue.record("desk"); return }
        #expect(run(&state, .earnings(month: month, doctorID: "iyer"), rao) == .notAllowed(command: "EARNINGS", allowed: .doctorsAndDesk))
        let next = YearMonth(month.last.adding(days: 1))
        #expect(run(&state, .earnings(month: next, doctorID: nil), rao) == .earningsNone(next, future: true))
        #expect(run(&state, .earnings(month: month.previous.previous, doctorID: nil), rao) == .earningsNone(month.previous.previous, future: false))
    }
}
