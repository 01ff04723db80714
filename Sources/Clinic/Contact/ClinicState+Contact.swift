/// CONTACT <doctor|DESK> <message>: a registered patient's message relayed by mail, a few a day.
extension ClinicState {
    /// How many messages a patient may relay in one clinic day.
    public static let contactsPerDay = 5

    func contact(_ recipient: ContactRecipient, message: String, patient: Patient, now: Int64) -> Decision {
        let today = zone.local(now).date
        let sentToday = (contactTimes[patient.id] ?? []).filter { zone.local($0).date == today }.count
        guard sentToday < Self.contactsPerDay else {
            return Decision(outcome: .contactRefused(ContactRefusal(limit: Self.contactsPerDay, again: today.adding(days: 1))))
        }
        let name: String
        switch recipient {
        case .doctor(let id):
            guard let doctor = doctor(id: id), !doctor.email.isEmpty else { return Decision(outcome: .doctorList(doctors, specialty: nil)) }
            name = doctor.name
        case .desk:
            name = "the front desk"
        }
        return Decision(events: [.contactRelayed(patientID: patient.id, at: now)], outcome: .contactSent(to: name),
                        notices: [PatientNotice(patientID: patient.id, kind: .relay(to: recipient, message: message))])
    }
}

extension ClinicState {
    /// Puts back the relay times a snapshot kept, so a day's CONTACT limit outlives a compaction.
    public mutating func restore(contactTimes: [String: [Int64]]) { self.contactTimes = contactTimes }
}
