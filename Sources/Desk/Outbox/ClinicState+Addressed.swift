import Clinic
import Mail

extension ClinicState {
    /// The notice with the patient's mail address, or nil when they have none (the core counted them as
    /// not reachable by mail).
    func addressed(_ notice: PatientNotice, cause: String) -> AddressedNotice? {
        guard let patient = patients[notice.patientID], let email = patient.email, !email.isEmpty else { return nil }
        return AddressedNotice(notice: notice, recipient: MailAddress(name: patient.name, address: email), cause: cause)
    }
}
