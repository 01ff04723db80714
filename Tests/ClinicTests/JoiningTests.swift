import Foundation
import Testing
@testable import Clinic

/// REGISTER DOCTOR, APPROVE and REJECT: a request waits for the desk; an approved applicant becomes a doctor
/// whose address is read as a doctor's; a rejected one is told why.
@Suite struct JoiningTests {
    let desk = Sender(address: "desk@kanchicare.example", channel: .email)
    let rao = Sender(address: "rao@kanchicare.example", channel: .email)
    let applicant = Sender(address: "priya@example.org", channel: .email)
    let patient = Sender(address: "a@example.in", channel: .email)


    @Test func anApprovedRequestMakesADoctorWhoseAddressIsReadAsTheirs() throws {
        var state = SampleClinic.state()
        let asked = decide(&state, .registerDoctor(name: "Priya Nair", specialty: "Dermatology"), applicant)
        let request = try #require(state.doctorRequest(id: state.doctorRequests[0].id))
        #expect(asked.outcome == .doctorRequested(request))
        #expect(request.name == "Dr Priya Nair" && request.status == .waiting && request.address == applicant.address)
        #expect(asked.joiningNotices == [JoiningNotice(request: request, kind: .request)])
        #expect(state.role(of: applicant.address) == .patient, "nothing changes before the desk answers")

        let approved = decide(&state, .decideRequest(id: state.doctorRequests[0].id, approve: true, reason: nil), desk)
        let doctor = try #require(state.doctor(id: "nair"))
        #expect(doctor.name == "Dr Priya Nair" && doctor.specialty == "Dermatology" && doctor.email == applicant.address)
        #expect(doctor.hours.workingDays.isEmpty, "no bookings until the doctor sets hours")
        #expect(state.role(of: applicant.address) == .doctor(id: "nair"))
        guard case .doctorRequestDecided(let decided, doctor: doctor) = approved.outcome else {
            Issue.record("not approved: \(approved.outcome)")
            return
        }
        #expect(decided.status == .approved)
        #expect(approved.joiningNotices == [JoiningNotice(request: decided, kind: .approved(doctor))])

        // Answered once: a second APPROVE or a REJECT changes nothing.
        let again = decide(&state, .decideRequest(id: state.doctorRequests[0].id, approve: false, reason: nil), desk)
        #expect(again.outcome == .requestDecisionRefused(.alreadyDecided(decided)) && again.events.isEmpty)
        // The new doctor's hours make slots.
        _ = decide(&state, .setHours(days: [.tue], ranges: [TimeRange(text: "09:00-10:00")!]), applicant)
        #expect(state.slots(of: try #require(state.doctor(id: "nair")), on: SampleClinic.tuesday, now: SampleClinic.now).slots.count == 4)
    }

    @Test func aRejectedRequestIsToldTheReason() throws {
        var state = SampleClinic.state()
        _ = decide(&state, .registerDoctor(name: "Dr Priya Nair", specialty: "Dermatology"), applicant)
        let rejected = decide(&state, .decideRequest(id: state.doctorRequests[0].id, approve: false, reason: "not on our staff"), desk)
        let request = try #require(state.doctorRequest(id: state.doctorRequests[0].id))
        #expect(request.status == .rejected && request.reason == "not on our staff")
        #expect(rejected.outcome == .doctorRequestDecided(request, doctor: nil))
        #expect(rejected.joiningNotices == [JoiningNotice(request: request, kind: .rejected)])
        #expect(state.role(of: applicant.address) == .patient)
        // A rejected applicant may ask again.
        #expect(decide(&state, .registerDoctor(name: "Priya Nair", specialty: "Dermatology"), applicant).outcome
            == .doctorRequested(try #require(state.doctorRequest(id: state.doctorRequests[1].id))))
    }

    @Test func requestsAreRefusedFromStaffPatientsAndTwice() throws {
        var state = SampleClinic.withPatients([patient.address])
        func refusal(_ sender: Sender) -> Outcome { decide(&state, .registerDoctor(name: "X Y", specialty: "Z"), sender).outcome }
        #expect(refusal(rao) == .doctorRequestRefused(.alreadyDoctor("Dr Suresh Rao")))
        #expect(refusal(desk) == .doctorRequestRefused(.deskAddress))
        #expect(refusal(patient) == .doctorRequestRefused(.patientAddress))
        _ = refusal(applicant)
        #expect(refusal(applicant) == .doctorRequestRefused(.alreadyWaiting(try #require(state.doctorRequest(id: state.doctorRequests[0].id)))))
        #expect(state.doctorRequests.count == 1)
    }

    @Test func onlyTheDeskAnswersAndUnknownRequestsListTheWaitingOnes() throws {
        var state = SampleClinic.state()
        _ = decide(&state, .registerDoctor(name: "Priya Nair", specialty: "Dermatology"), applicant)
        #expect(decide(&state, .decideRequest(id: state.doctorRequests[0].id, approve: true, reason: nil), rao).outcome
            == .notAllowed(command: "APPROVE", allowed: .desk))
        #expect(decide(&state, .decideRequest(id: "R7", approve: true, reason: nil), desk).outcome
            == .requestDecisionRefused(.unknown("R7", waiting: state.waitingRequests)))
        #expect(state.waitingRequests.count == 1)
    }

    @Test func aSecondDoctorWithTheSameSurnameGetsAnotherID() throws {
        var state = SampleClinic.state()
        _ = decide(&state, .registerDoctor(name: "Anil Rao", specialty: "Cardiology"), applicant)
        _ = decide(&state, .decideRequest(id: state.doctorRequests[0].id, approve: true, reason: nil), desk)
        #expect(state.doctor(id: "anil-rao")?.name == "Dr Anil Rao")
        #expect(state.doctor(id: "rao")?.name == "Dr Suresh Rao")
    }

    @Test func requestIDsAreDrawnNotCounted() throws {
        var state = SampleClinic.state()
        for n in 0..<3 {
            _ = decide(&state, .registerDoctor(name: "Priya Nair", specialty: "Dermatology"),
                       Sender(address: "applicant\(n)@example.org", channel: .email))
        }
        let ids = state.doctorRequests.map(\.id)
        #expect(Set(ids).count == 3, "the same seed three times still gives three ids: \(ids)")
        for id in ids {
            #expect(id.count == 6 && id.first == "R" && id.dropFirst().allSatisfy { Reference.alphabet.contains($0) }, "\(id)")
            #expect(!["R1", "R2", "R3"].contains(id))
        }
        let other = SampleClinic.state()
        var random = SeededGenerator(seed: 99)
        let decided = other.decide(.registerDoctor(name: "Priya Nair", specialty: "Dermatology"), from: applicant, now: SampleClinic.now, random: &random)
        guard case .doctorRequested(let request) = decided.outcome else {
            Issue.record("not asked: \(decided.outcome)")
            return
        }
        #expect(request.id != ids[0], "another draw, another id")
    }

    @Test func roundOneRequestIDsStillAnswer() throws {
        var state = SampleClinic.state()
        state.restore(doctorRequests: [DoctorRequest(id: "R1", name: "Dr Priya Nair", specialty: "Dermatology",
                                                     address: applicant.address, at: SampleClinic.now)])
        _ = decide(&state, .decideRequest(id: "R1", approve: true, reason: nil), desk)
        #expect(state.doctor(id: "nair")?.email == applicant.address)
    }

    @Test func requestsAndNewDoctorsSurviveEncoding() throws {
        var state = SampleClinic.state()
        _ = decide(&state, .registerDoctor(name: "Priya Nair", specialty: "Dermatology"), applicant)
        _ = decide(&state, .decideRequest(id: state.doctorRequests[0].id, approve: true, reason: nil), desk)
        let decoded = try JSONDecoder().decode(ClinicState.self, from: JSONEncoder().encode(state))
        #expect(decoded.doctorRequests == state.doctorRequests)
        #expect(decoded.role(of: applicant.address) == .doctor(id: "nair"))
    }
}
