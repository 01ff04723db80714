/// PROFILE and SET: a patient's or a doctor's own profile. The sender's role decides whose profile and
/// which fields; the desk has no profile of its own.
extension ClinicState {
    static let patientFields = ["NAME", "PHONE", "BLOOD", "ADDRESS", "DOB"]
    static let doctorFields = ["QUALIFICATIONS", "SPECIALTY", "FEE", "BIO", "PHONE"]

    func decideProfile(_ intent: Intent, sender: Sender) -> Decision {
        switch role(of: sender.address) {
        case .doctor(let id):
            guard let doctor = doctor(id: id) else { return Decision(outcome: .help) }
            return decideDoctorProfile(intent, doctor: doctor)
        case .desk:
            return Decision(outcome: .notAllowed(command: intent == .profile ? "PROFILE" : "SET", allowed: .patientsAndDoctors))
        case .patient:
            guard let patient = patient(address: sender.address), patient.verified else {
                let pending = patient(address: sender.address)?.pendingCode != nil
                return Decision(outcome: .needsRegistration(verificationPending: pending))
            }
            return decidePatientProfile(intent, patient: patient)
        }
    }

    private func decidePatientProfile(_ intent: Intent, patient: Patient) -> Decision {
        guard case .setProfile(let change) = intent else { return Decision(outcome: .patientProfile(patient)) }
        guard change.isPatientField else {
            return Decision(outcome: .profileFieldRefused(field: change.field, allowed: Self.patientFields))
        }
        return Decision(events: [.patientProfileChanged(patientID: patient.id, change: change)], outcome: .profileChanged(change))
    }

    private func decideDoctorProfile(_ intent: Intent, doctor: Doctor) -> Decision {
        guard case .setProfile(let change) = intent else { return Decision(outcome: .doctorProfile(doctor)) }
        guard change.isDoctorField else {
            return Decision(outcome: .profileFieldRefused(field: change.field, allowed: Self.doctorFields))
        }
        return Decision(events: [.doctorProfileChanged(doctorID: doctor.id, change: change)], outcome: .profileChanged(change))
    }
}
