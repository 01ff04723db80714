import Foundation
import Testing
@testable import Clinic

/// PAID <ref> CASH: only the desk records it, once per appointment, never for a cancelled one; the
/// patient's APPOINTMENTS and the doctor's SCHEDULE show it; it survives encoding.
@Suite struct CashPaymentTests {
    let patient = Sender(address: "a@example.in", channel: .email)
    let desk = Sender(address: "desk@kanchicare.example", channel: .email)
    let rao = Sender(address: "rao@kanchicare.example", channel: .email)

    func booked(_ state: inout ClinicState) throws -> Appointment {
        let decision = decide(&state, .book(doctorID: "rao", day: SampleClinic.tuesday, time: TimeOfDay(minutes: 600), reason: nil), patient)
        guard case .booked(let appointment) = decision.outcome else { throw CashPaymentFailure(description: "\(decision.outcome)") }
        return appointment
    }

    @Test func theDeskRecordsCashOnceAndEveryoneSeesIt() throws {
        var state = SampleClinic.withPatients([patient.address])
        let appointment = try booked(&state)
        let fee = try #require(state.doctor(id: "rao")?.fee)
        let paid = decide(&state, .recordPayment(ref: appointment.ref, method: .cash), desk)
        guard case .paymentRecorded(_, let payment) = paid.outcome else {
            Issue.record("\(paid.outcome)")
            return
        }
        #expect(payment.amount == fee && payment.method == .cash && payment.by == desk.address && payment.refunded.minorUnits == 0)
        #expect(state.payments[appointment.ref] == payment)

        let again = decide(&state, .recordPayment(ref: appointment.ref, method: .cash), desk)
        #expect(again.outcome == .paymentRefused(.alreadyPaid(appointment, payment)) && again.events.isEmpty)
        #expect(decide(&state, .appointments, patient).outcome == .appointmentList([appointment], fees: [appointment.ref: .paid]))
        guard case .schedule(_, let entries) = decide(&state, .schedule(day: SampleClinic.tuesday), rao).outcome else {
            Issue.record("no schedule")
            return
        }
        #expect(entries.map(\.paid) == [true])
        let decoded = try JSONDecoder().decode(ClinicState.self, from: JSONEncoder().encode(state))
        #expect(decoded.payments == state.payments)
    }

    @Test func onlyTheDeskAndNeverForACancelledOrUnknownAppointment() throws {
        var state = SampleClinic.withPatients([patient.address])
        let appointment = try booked(&state)
        #expect(decide(&state, .recordPayment(ref: appointment.ref, method: .cash), rao).outcome
            == .notAllowed(command: "PAID", allowed: .desk))
        #expect(decide(&state, .recordPayment(ref: appointment.ref, method: .cash), patient).outcome
            == .notAllowed(command: "PAID", allowed: .desk))
        #expect(decide(&state, .recordPayment(ref: "ZZZZZ", method: .cash), desk).outcome == .paymentRefused(.unknownRef("ZZZZZ")))
        _ = decide(&state, .cancel(ref: appointment.ref), patient)
        let cancelled = try #require(state.appointment(ref: appointment.ref))
        #expect(decide(&state, .recordPayment(ref: appointment.ref, method: .cash), desk).outcome == .paymentRefused(.notActive(cancelled)))
        #expect(state.payments.isEmpty)
    }
}

struct CashPaymentFailure: Error, CustomStringConvertible {
    let description: String
}
