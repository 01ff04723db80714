import Testing
@testable import Clinic

/// SET PHOTO in the core: the state records that a photo is on file, never the image.
@Suite struct PhotoTests {
    let rao = Sender(address: "rao@kanchicare.example", channel: .email)
    let desk = Sender(address: "desk@kanchicare.example", channel: .email)
    let patient = Sender(address: "a@example.in", channel: .email)
    let photo = Photo(kind: .jpeg, bytes: 1234, sha256: String(repeating: "0", count: 64))

    func run(_ state: inout ClinicState, _ intent: Intent, _ sender: Sender) -> Decision {
        var random = SeededGenerator(seed: 1)
        let decision = state.decide(intent, from: sender, now: SampleClinic.now, random: &random)
        state.apply(decision.events)
        return decision
    }

    @Test func photosAreRecordedForPatientsAndDoctors() throws {
        var state = SampleClinic.withPatients([patient.address])
        let id = try #require(state.patient(address: patient.address)).id
        #expect(run(&state, .setPhoto(.image(photo)), patient).events == [.patientPhotoSet(patientID: id, photo: photo)])
        #expect(state.patient(address: patient.address)?.photo == photo)
        #expect(run(&state, .setPhoto(.image(photo)), rao).outcome == .photoSaved(photo))
        #expect(state.doctor(id: "rao")?.photo == photo)
    }

    @Test func refusalsRecordNothing() {
        var state = SampleClinic.withPatients([patient.address])
        for (attachment, refusal): (PhotoAttachment, PhotoRefusal) in [(.missing, .missing), (.unread, .missing),
                                                                       (.tooLarge(bytes: 3_000_000), .tooLarge(bytes: 3_000_000)),
                                                                       (.notAnImage(filename: "a.jpg"), .notAnImage(filename: "a.jpg"))] {
            let decision = run(&state, .setPhoto(attachment), patient)
            #expect(decision.events.isEmpty)
            #expect(decision.outcome == .photoRefused(refusal))
        }
        #expect(run(&state, .setPhoto(.image(photo)), desk).outcome == .notAllowed(command: "SET PHOTO", allowed: .patientsAndDoctors))
        #expect(run(&state, .setPhoto(.image(photo)), Sender(address: "new@example.in", channel: .email)).outcome
                == .needsRegistration(verificationPending: false))
    }
}
