/// SET PHOTO: a patient's or a doctor's photo is on file. The file is the desk's; the state records only
/// its kind, size and hash.
extension ClinicState {
    func decidePhoto(_ attachment: PhotoAttachment, sender: Sender) -> Decision {
        let photo: Photo
        switch attachment {
        case .unread, .missing: return Decision(outcome: .photoRefused(.missing))
        case .tooLarge(let bytes): return Decision(outcome: .photoRefused(.tooLarge(bytes: bytes)))
        case .notAnImage(let name): return Decision(outcome: .photoRefused(.notAnImage(filename: name)))
        case .image(let image): photo = image
        }
        switch role(of: sender.address) {
        case .doctor(let id):
            return Decision(events: [.doctorPhotoSet(doctorID: id, photo: photo)], outcome: .photoSaved(photo))
        case .desk:
            return Decision(outcome: .notAllowed(command: "SET PHOTO", allowed: .patientsAndDoctors))
        case .patient:
            guard let patient = patient(address: sender.address), patient.verified else {
                let pending = patient(address: sender.address)?.pendingCode != nil
                return Decision(outcome: .needsRegistration(verificationPending: pending))
            }
            return Decision(events: [.patientPhotoSet(patientID: patient.id, photo: photo)], outcome: .photoSaved(photo))
        }
    }
}
