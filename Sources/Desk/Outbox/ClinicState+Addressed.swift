import Clinic
import Mail

extension ClinicState {
    /// The notice with the patient's mail address, or nil when they have none (the core counted them as
    /// not reachable by mail). A relayed message goes to the doctor or the desk instead, answered to the patient.
    func addressed(_ notice: PatientNotice, cause: String) -> AddressedNotice? {
        guard let patient = patients[notice.patientID] else { return nil }
        if case .relay(let to, _) = notice.kind {
            let recipient: MailAddress
            switch to {
            case .doctor(let id):
                guard let doctor = doctor(id: id), !doctor.email.isEmpty else { return nil }
                recipient = MailAddress(name: doctor.name, address: doctor.email)
            case .desk:
                recipient = MailAddress(name: info.name, address: info.deskEmail)
            }
            let replyTo = patient.email.flatMap { $0.isEmpty ? nil : MailAddress(name: patient.name, address: $0) }
            var relayed = AddressedNotice(notice: notice, recipient: recipient, cause: cause, writer: patient.name, replyTo: replyTo)
            relayed.language = info.language
            return relayed
        }
        guard case .mail(let email) = patient.contactRoute else { return nil }
        var addressed = AddressedNotice(notice: notice, recipient: MailAddress(name: patient.name, address: email), cause: cause)
        addressed.language = language(ofPatient: patient.id)
        return addressed
    }
}
