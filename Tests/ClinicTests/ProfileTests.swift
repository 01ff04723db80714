import Foundation
import Testing
@testable import Clinic

/// PROFILE and SET in the core: whose profile, which fields, and that a change survives the journal's
/// encoding and the state's own.
@Suite struct ProfileTests {
    let rao = Sender(address: "rao@kanchicare.example", channel: .email)
    let desk = Sender(address: "desk@kanchicare.example", channel: .email)
    let patient = Sender(address: "a@example.in", channel: .email)

    func run(_ state: inout ClinicState, _ intent: Intent, _ sender: Sender) -> Decision {
        var random = SeededGenerator(seed: 1)
        let decision = state.decide(intent, from: sender, now: SampleClinic.now, random: &random)
        state.apply(decision.events)
        return decision
    }

    @Test func aPatientSetsTheirFieldsAndNotADoctors() throws {
        var state = SampleClinic.withPatients([patient.address])
        let born = LocalDate(year: 1980, month: 3, day: 4)
        #expect(run(&state, .setProfile(.bloodType(.abNegative)), patient).outcome == .profileChanged(.bloodType(.abNegative)))
        _ = run(&state, .setProfile(.dateOfBirth(born)), patient)
        _ = run(&state, .setProfile(.phone("+919876543210")), patient)
        _ = run(&state, .setProfile(.postalAddress("12 Gandhi Road")), patient)
        _ = run(&state, .setProfile(.name("Anita Sharma")), patient)
        let refused = run(&state, .setProfile(.fee(Money(major: 1))), patient)
        #expect(refused.events.isEmpty)
        #expect(refused.outcome == .profileFieldRefused(field: "FEE", allowed: ClinicState.patientFields))
        let saved = try #require(state.patient(address: patient.address))
        #expect(saved.bloodType == "AB-" && saved.dateOfBirth == born && saved.postalAddress == "12 Gandhi Road" && saved.name == "Anita Sharma")
        #expect(saved.contactPhone == "+919876543210")
        // A contact number is not an address the patient writes from.
        #expect(state.patient(address: "+919876543210") == nil)
        #expect(run(&state, .profile, patient).outcome == .patientProfile(saved))

        let decoded = try JSONDecoder().decode(ClinicState.self, from: JSONEncoder().encode(state))
        #expect(decoded.patient(address: patient.address) == saved)
    }

    @Test func aDoctorSetsTheirFieldsAndTheyPersist() throws {
        var state = SampleClinic.withPatients([])
        let fee = Money(minorUnits: 80_050)
        for change: ProfileChange in [.fee(fee), .bio("Twenty years in cardiac care."), .specialty("Cardiology"),
                                      .qualifications("MBBS, MD, DM"), .phone("+914423456789")] {
            let decision = run(&state, .setProfile(change), rao)
            #expect(decision.outcome == .profileChanged(change))
            // The journal keeps the event as JSON: it must read back the same.
            let event = try #require(decision.events.first)
            #expect(try JSONDecoder().decode(ClinicEvent.self, from: JSONEncoder().encode(event)) == event)
        }
        #expect(run(&state, .setProfile(.bloodType(.oPositive)), rao).outcome
                == .profileFieldRefused(field: "BLOOD", allowed: ClinicState.doctorFields))
        let doctor = try #require(state.doctor(id: "rao"))
        #expect(doctor.fee == fee && doctor.bio == "Twenty years in cardiac care." && doctor.qualifications == "MBBS, MD, DM")
        #expect(doctor.contactPhone == "+914423456789")
        #expect(state.role(of: "+914423456789") == .patient, "a contact number does not make its sender a doctor")
        #expect(run(&state, .profile, rao).outcome == .doctorProfile(doctor))

        let decoded = try JSONDecoder().decode(ClinicState.self, from: JSONEncoder().encode(state))
        #expect(decoded.doctor(id: "rao") == doctor)
    }

    @Test func theDeskAndStrangersHaveNoProfile() {
        var state = SampleClinic.withPatients([])
        #expect(run(&state, .profile, desk).outcome == .notAllowed(command: "PROFILE", allowed: .patientsAndDoctors))
        #expect(run(&state, .setProfile(.name("X")), desk).outcome == .notAllowed(command: "SET", allowed: .patientsAndDoctors))
        #expect(run(&state, .profile, patient).outcome == .needsRegistration(verificationPending: false))
    }

    @Test func doctorsWrittenBeforeProfilesStillRead() throws {
        var doctor = try #require(SampleClinic.withPatients([]).doctor(id: "rao"))
        doctor.bio = nil
        doctor.contactPhone = nil
        let json = String(decoding: try JSONEncoder().encode(doctor), as: UTF8.self)
        #expect(!json.contains("bio") && !json.contains("contactPhone"))
        #expect(try JSONDecoder().decode(Doctor.self, from: Data(json.utf8)) == doctor)
    }
}
