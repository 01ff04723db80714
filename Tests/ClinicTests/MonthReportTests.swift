import Foundation
import Testing
@testable import Clinic

/// REPORT <month>: the hospital's month by doctor, from the appointments and the doctors' earnings.
@Suite struct MonthReportTests {
    let desk = Sender(address: "desk@kanchicare.example", channel: .email)
    let rao = Sender(address: "rao@kanchicare.example", channel: .email)
    let patients = ["a@example.in", "b@example.in", "c@example.in", "d@example.in"].map { Sender(address: $0, channel: .email) }


    @Test func appointmentsAreCountedByHowTheyEndedAndWhoCancelled() throws {
        var state = SampleClinic.withPatients(patients.map(\.address))
        var refs: [String] = []
        for (i, patient) in patients.enumerated() {
            let booked = decide(&state, .book(doctorID: "rao", day: SampleClinic.tuesday, time: TimeOfDay(hour: 9 + i, minute: 0)!, reason: nil), patient)
            guard case .booked(let a) = booked.outcome else { Issue.record("\(booked.outcome)"); return }
            refs.append(a.ref)
        }
        _ = decide(&state, .cancel(ref: refs[0]), patients[0])
        _ = decide(&state, .earning(amount: Money(major: 2500), day: SampleClinic.monday, note: nil, replacingDay: false), rao)
        let afterVisits = try #require(state.appointment(ref: refs[3])).end
        _ = decide(&state, .markAppointment(ref: refs[1], status: .completed), rao, at: afterVisits)
        _ = decide(&state, .markAppointment(ref: refs[2], status: .noShow), rao, at: afterVisits)

        let report = decide(&state, .monthReport(YearMonth(year: 2026, month: 3)), desk, at: afterVisits)
        guard case .monthReport(let month) = report.outcome else { Issue.record("\(report.outcome)"); return }
        let line = try #require(month.doctors.first { $0.doctorID == "rao" })
        #expect(line.appointments == 4 && line.cancelledByPatients == 1 && line.completed == 1 && line.noShows == 1 && line.confirmed == 1)
        #expect(line.earnings == Money(major: 2500))
        #expect(month.total.appointments == 4 && month.doctors.count == state.doctors.count)
    }

    @Test func onlyTheDeskAndNotAheadOfTime() {
        var state = SampleClinic.state()
        #expect(decide(&state, .monthReport(YearMonth(year: 2026, month: 3)), rao).outcome == .notAllowed(command: "REPORT", allowed: .desk))
        #expect(decide(&state, .monthReport(YearMonth(year: 2026, month: 4)), desk).outcome == .monthReportAhead(YearMonth(year: 2026, month: 4)))
    }
}
