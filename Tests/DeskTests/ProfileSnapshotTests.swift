import Clinic
import Testing
@testable import Desk

/// Profiles and ratings in the snapshot: patients are kept as JSON values and doctors in the clinic's setup, so both
/// must come back with every field SET gave them.
@Suite struct ProfileSnapshotTests {
    @Test func profilesSurviveTheSnapshot() throws {
        let samples = OutcomeSamples.all(in: try OutcomeSamples.sampleClinic())
        var state = DeskState()
        state.clinic = samples.clinic
        let patient = try #require(samples.clinic.patient(address: "a@example.in"))
        #expect(patient.bloodType == "AB-" && patient.dateOfBirth != nil && patient.postalAddress != nil && patient.contactPhone != nil)
        let doctor = samples.clinic.doctors[0]
        #expect(doctor.bio != nil && doctor.contactPhone != nil && doctor.fee == Money(minorUnits: 80_050))

        let restored = try DeskState(snapshotData: try state.snapshotData())
        #expect(restored.clinic?.patients == samples.clinic.patients)
        #expect(samples.clinic.doctors.contains { !$0.active }, "DOCTOR OFF took a doctor off")
        #expect(restored.clinic?.doctors == samples.clinic.doctors)
        #expect(!samples.clinic.doctorRatings.isEmpty && !samples.clinic.patientRatings.isEmpty)
        #expect(restored.clinic?.doctorRatings == samples.clinic.doctorRatings)
        #expect(restored.clinic?.patientRatings == samples.clinic.patientRatings)
    }
}
