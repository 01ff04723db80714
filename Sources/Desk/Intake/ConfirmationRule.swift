import Clinic

/// Which commands wait for CONFIRM when nothing vouches for the sender's address: those that change or
/// destroy something for somebody else or for the clinic. Reading (HELP, SLOTS, SCHEDULE, REPORT …) and
/// BOOK go ahead: their answers go to the address's real owner anyway. A command the sender's role may
/// not use is not held: the core refuses it at once, and holding it would only delay that answer.
enum ConfirmationRule {
    /// What waits for CONFIRM however well the sender is vouched for: erasing a patient cannot be undone.
    static func alwaysConfirms(_ intent: Intent) -> Bool {
        switch intent {
        case .forgetMe, .erasePatient: true
        default: false
        }
    }

    static func needsConfirmation(_ intent: Intent, address: String, clinic: ClinicState) -> Bool {
        let role = clinic.role(of: address)
        let verifiedPatient = role == .patient && clinic.patient(address: address)?.verified == true
        switch intent {
        case .broadcast, .broadcastCancel, .doctorOff, .decideRequest, .recordPayment, .erasePatient, .audit:
            return role == .desk
        case .cancelDay, .setHours, .leave, .earning, .markAppointment, .ratePatient:
            return role != .patient
        case .setProfile, .setPhoto:
            return role != .patient || verifiedPatient
        case .cancel, .reschedule, .contact, .rateDoctor, .waitOff:
            return verifiedPatient
        case .help, .register, .verify, .confirm, .info, .doctors, .doctor, .slots, .book, .bookEarliest, .appointments, .earnings, .schedule,
             .monthReport, .registerDoctor, .profile, .pay, .myData, .forgetMe, .exportPatient,
             .wait, .waiting, .takeOffer:
            return false
        }
    }
}
