import Foundation
import Testing
@testable import Clinic

/// RATE DR from patients after a completed visit, RATE <ref> from doctors within three days.
@Suite struct RatingTests {
    let rao = Sender(address: "rao@kanchicare.example", channel: .email)
    let iyer = Sender(address: "iyer@kanchicare.example", channel: .email)
    let patient = Sender(address: "a@example.in", channel: .email)
    let other = Sender(address: "b@example.in", channel: .email)

    func run(_ state: inout ClinicState, _ intent: Intent, _ sender: Sender, at now: Int64 = SampleClinic.now) -> Outcome {
        var random = SeededGenerator(seed: 1)
        let decision = state.decide(intent, from: sender, now: now, random: &random)
        state.apply(decision.events)
        return decision.outcome
    }

    /// A booking of `sender` with Dr Rao on the next clinic day at 10:00, and its appointment.
    func booked(_ state: inout ClinicState, _ sender: Sender, hour: Int = 10) throws -> Appointment {
        let day = SampleClinic.tuesday
        guard case .booked(let a) = run(&state, .book(doctorID: "rao", day: day, time: TimeOfDay(hour: hour, minute: 0)!, reason: nil), sender) else {
            throw BookingFailed()
        }
        return a
    }
    struct BookingFailed: Error {}

    @Test func aPatientRatesADoctorOnlyAfterACompletedVisit() throws {
        var state = SampleClinic.withPatients([patient.address, other.address])
        let a = try booked(&state, patient)
        let b = try booked(&state, other, hour: 11)
        let doctor = try #require(state.doctor(id: "rao"))
        #expect(run(&state, .rateDoctor(doctorID: "rao", stars: 5, comment: nil), patient, at: a.end) == .rateRefused(.noCompletedVisit(doctor)))
        _ = run(&state, .markAppointment(ref: a.ref, status: .completed), rao, at: a.end)
        _ = run(&state, .markAppointment(ref: b.ref, status: .completed), rao, at: b.end)
        #expect(run(&state, .rateDoctor(doctorID: "rao", stars: 4, comment: "kind"), patient, at: a.end) == .doctorRated(doctor, stars: 4, updated: false))
        #expect(run(&state, .rateDoctor(doctorID: "rao", stars: 5, comment: nil), patient, at: a.end + 10 * 86_400) == .doctorRated(doctor, stars: 5, updated: true))
        _ = run(&state, .rateDoctor(doctorID: "rao", stars: 4, comment: nil), other, at: b.end)
        #expect(state.ratingSummary(doctorID: "rao") == RatingSummary([Rating(stars: 5, comment: nil, firstAt: 0, at: 0),
                                                                       Rating(stars: 4, comment: nil, firstAt: 0, at: 0)]))
        #expect(state.ratingSummary(doctorID: "rao")?.average == "4.5")
        #expect(state.ratingSummary(doctorID: "rao")?.count == 2)
        #expect(state.ratingSummary(doctorID: "iyer") == nil)
        #expect(run(&state, .rateDoctor(doctorID: "rao", stars: 5, comment: nil), rao) == .notAllowed(command: "RATE DR", allowed: .patients))

        let decoded = try JSONDecoder().decode(ClinicState.self, from: JSONEncoder().encode(state))
        #expect(decoded.doctorRatings == state.doctorRatings)
    }

    @Test func averagesRoundToOneDecimal() {
        func summary(_ stars: [Int]) -> String { RatingSummary(stars.map { Rating(stars: $0, comment: nil, firstAt: 0, at: 0) }).average }
        #expect(summary([5, 4, 4]) == "4.3")
        #expect(summary([5, 4, 4, 4]) == "4.3")   // 4.25 rounds up
        #expect(summary([1, 2]) == "1.5")
        #expect(summary([5]) == "5.0")
    }

    @Test func aDoctorRatesAPastPatientForThreeDays() throws {
        var state = SampleClinic.withPatients([patient.address])
        let a = try booked(&state, patient)
        #expect(run(&state, .ratePatient(ref: a.ref, stars: 3, comment: nil), rao) == .rateRefused(.notYet(a)))
        #expect(run(&state, .ratePatient(ref: a.ref, stars: 3, comment: nil), iyer, at: a.end) == .rateRefused(.notYours(a.ref)))
        #expect(run(&state, .ratePatient(ref: "ZZZZZ", stars: 3, comment: nil), rao, at: a.end) == .rateRefused(.unknownRef("ZZZZZ")))
        #expect(run(&state, .ratePatient(ref: a.ref, stars: 3, comment: nil), patient, at: a.end) == .notAllowed(command: "RATE <ref>", allowed: .doctors))
        let window = ClinicState.patientRatingEditableSeconds
        #expect(run(&state, .ratePatient(ref: a.ref, stars: 3, comment: "late"), rao, at: a.end)
                == .patientRated(ref: a.ref, stars: 3, updated: false, editableUntil: a.end + window))
        #expect(run(&state, .ratePatient(ref: a.ref, stars: 4, comment: nil), rao, at: a.end + window)
                == .patientRated(ref: a.ref, stars: 4, updated: true, editableUntil: a.end + window))
        #expect(run(&state, .ratePatient(ref: a.ref, stars: 1, comment: nil), rao, at: a.end + window + 1)
                == .rateRefused(.closed(ref: a.ref, at: a.end + window)))
        #expect(state.patientRatings[a.ref]?.stars == 4)
    }
}
