import Foundation
import Testing
@testable import Clinic

/// FORGET ME and ERASE in the core: the upcoming appointments cancelled and refunded by the rules, the
/// patient's details gone from the state, their address free, the books kept under their id; EXPORT lists
/// the doctors' notes, MY DATA only counts them.
@Suite struct ErasureTests {
    let a = Sender(address: "a@example.in", channel: .email)
    let desk = Sender(address: "desk@kanchicare.example", channel: .email)
    let rao = Sender(address: "rao@kanchicare.example", channel: .email)

    @Test func forgetMeCancelsWhatIsAheadAndErasesTheDetailsButKeepsTheBooks() throws {
        var state = SampleClinic.withPatients([a.address])
        let id = try #require(state.patient(address: a.address)?.id)
        _ = decide(&state, .setProfile(.bloodType(.oPositive)), a)
        _ = decide(&state, .book(doctorID: "rao", day: SampleClinic.monday, time: TimeOfDay(minutes: 600), reason: "chest pain"), a)
        _ = decide(&state, .book(doctorID: "rao", day: SampleClinic.tuesday, time: TimeOfDay(minutes: 600), reason: "follow-up"), a)
        let seen = try #require(state.upcoming(patientID: id, now: SampleClinic.now).first)
        let ahead = try #require(state.upcoming(patientID: id, now: SampleClinic.now).last)
        _ = decide(&state, .markAppointment(ref: seen.ref, status: .completed), rao, at: seen.end)
        _ = decide(&state, .ratePatient(ref: seen.ref, stars: 2, comment: "late"), rao, at: seen.end)
        _ = decide(&state, .rateDoctor(doctorID: "rao", stars: 5, comment: "kind"), a, at: seen.end)
        _ = decide(&state, .recordPayment(ref: seen.ref, method: .cash), desk, at: seen.end)

        let exported = decide(&state, .exportPatient(id), desk, at: seen.end)
        guard case .patientData(let record) = exported.outcome else { Issue.record("\(exported.outcome)"); return }
        #expect(record.notes?[seen.ref]?.comment == "late" && record.privateNotes == 1)
        guard case .patientData(let own) = decide(&state, .myData, a, at: seen.end).outcome else { Issue.record("no data"); return }
        #expect(own.notes == nil && own.privateNotes == 1 && own.appointments.count == 2)

        let erased = decide(&state, .forgetMe, a, at: seen.end + 60)
        #expect(erased.outcome == .patientErased(cancelled: [ahead]))
        let patient = try #require(state.patients[id])
        #expect(patient.name == ClinicState.erasedName && patient.email == nil && patient.bloodType == nil)
        #expect(state.patient(address: a.address) == nil)
        #expect(state.appointment(ref: seen.ref)?.reason == nil && state.appointment(ref: seen.ref)?.status == .completed)
        #expect(state.appointment(ref: ahead.ref)?.status == .cancelledByPatient)
        #expect(state.patientRatings[seen.ref] == nil && state.doctorRatings["rao"]?[id] == nil)
        #expect(state.payments[seen.ref]?.amount == Money(major: 800), "the books keep the fee")
        #expect(state.hospitalMonth(YearMonth(SampleClinic.monday)).total.completed == 1)
        // Encoded and decoded, nothing comes back.
        let text = String(decoding: try JSONEncoder().encode(state), as: UTF8.self)
        #expect(!text.contains(a.address) && !text.contains("chest pain") && !text.contains("Patient a@"))
    }

    @Test func onlyTheDeskErasesOrExportsSomeoneElseAndNobodyIsNobody() {
        var state = SampleClinic.withPatients([a.address])
        #expect(decide(&state, .erasePatient("P1"), a).outcome == .notAllowed(command: "ERASE", allowed: .desk))
        #expect(decide(&state, .exportPatient("P1"), rao).outcome == .notAllowed(command: "EXPORT", allowed: .desk))
        #expect(decide(&state, .erasePatient("P99"), desk).outcome == .patientUnknown("P99"))
        guard case .patientErased = decide(&state, .erasePatient(a.address), desk).outcome else { Issue.record("not erased"); return }
        #expect(decide(&state, .erasePatient("P1"), desk).outcome == .patientUnknown("P1"), "erased once")
    }
}
