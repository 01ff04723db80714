import Foundation
import Testing
@testable import Clinic

/// CONTACT from registered patients: relayed as a notice, five a clinic day.
@Suite struct ContactTests {
    let rao = Sender(address: "rao@kanchicare.example", channel: .email)
    let patient = Sender(address: "a@example.in", channel: .email)
    let stranger = Sender(address: "nobody@example.in", channel: .email)


    @Test func aMessageGoesToTheDoctorAsANotice() throws {
        var state = SampleClinic.withPatients([patient.address])
        let id = try #require(state.patient(address: patient.address)).id
        let decision = decide(&state, .contact(to: .doctor(id: "rao"), message: "Is fasting needed?"), patient)
        #expect(decision.outcome == .contactSent(to: try #require(state.doctor(id: "rao")).name))
        #expect(decision.notices == [PatientNotice(patientID: id, kind: .relay(to: .doctor(id: "rao"), message: "Is fasting needed?"))])
        #expect(decide(&state, .contact(to: .desk, message: "Parking?"), patient).outcome == .contactSent(to: "the front desk"))
    }

    @Test func theSixthOfADayIsRefusedUntilTomorrow() throws {
        var state = SampleClinic.withPatients([patient.address])
        for _ in 0..<ClinicState.contactsPerDay {
            #expect(decide(&state, .contact(to: .desk, message: "hello"), patient).notices.count == 1)
        }
        let sixth = decide(&state, .contact(to: .desk, message: "hello"), patient)
        let today = state.zone.local(SampleClinic.now).date
        #expect(sixth.outcome == .contactRefused(ContactRefusal(limit: 5, again: today.adding(days: 1))))
        #expect(sixth.notices.isEmpty && sixth.events.isEmpty)
        // The count survives the snapshot, and a new day starts afresh.
        let decoded = try JSONDecoder().decode(ClinicState.self, from: JSONEncoder().encode(state))
        #expect(decoded.contactTimes == state.contactTimes)
        #expect(decide(&state, .contact(to: .desk, message: "hello"), patient, at: SampleClinic.now + 86_400).outcome == .contactSent(to: "the front desk"))
    }

    @Test func onlyRegisteredPatientsMayWrite() {
        var state = SampleClinic.withPatients([patient.address])
        #expect(decide(&state, .contact(to: .desk, message: "hi"), stranger).outcome == .needsRegistration(verificationPending: false))
        #expect(decide(&state, .contact(to: .desk, message: "hi"), rao).outcome == .notAllowed(command: "CONTACT", allowed: .patients))
    }
}
