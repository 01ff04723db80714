/// FORGET ME (the patient) and ERASE <patient> (the desk): the patient's upcoming appointments are
/// cancelled (slots freed, refunded by the rules), and everything that names or describes them is erased:
/// name, addresses, phones, date of birth, blood group, photo, reasons, their ratings and the doctors'
/// notes about them, their contact times. What the clinic must keep for its books stays under the
/// patient's id, which names nobody once the profile is gone: that an appointment existed, its doctor,
/// time, fee and payment.
extension ClinicState {
    func erase(_ patient: Patient, by actor: String, now: Int64) -> Decision {
        let upcoming = upcoming(patientID: patient.id, now: now)
        var events: [ClinicEvent] = upcoming.map { .cancelled(ref: $0.ref, status: .cancelledByPatient, at: now, by: actor, reason: nil) }
        events.append(.patientErased(patientID: patient.id, at: now))
        return Decision(events: events, outcome: .patientErased(cancelled: upcoming))
    }

    /// ERASE <patient> from the desk: the patient by id (P12) or by the address they write from.
    func erase(patientNamed who: String, now: Int64) -> Decision {
        guard let patient = patients[who.uppercased()] ?? patient(address: who.asciiLowercased), patient.name != Self.erasedName else {
            return Decision(outcome: .patientUnknown(who))
        }
        return erase(patient, by: "desk", now: now)
    }

    /// EXPORT <patient> from the desk: everything held, the doctors' notes included.
    func export(patientNamed who: String) -> Decision {
        guard let patient = patients[who.uppercased()] ?? patient(address: who.asciiLowercased),
              let record = record(ofPatient: patient.id, withNotes: true) else { return Decision(outcome: .patientUnknown(who)) }
        return Decision(outcome: .patientData(record))
    }

    /// What an erased patient's profile says instead of their name.
    public static let erasedName = "(erased)"

    mutating func applyErasure(of id: String) {
        guard let patient = patients[id] else { return }
        for address in [patient.email, patient.phone].compactMap({ $0 }) where patientByAddress[address] == id { patientByAddress[address] = nil }
        var anonymous = Patient(id: id, name: Self.erasedName, email: nil, phone: nil, registeredAt: patient.registeredAt, pendingCode: nil)
        anonymous.verified = patient.verified
        anonymous.verifiedAt = patient.verifiedAt
        patients[id] = anonymous
        contactTimes[id] = nil
        forgetWaits(of: id)
        for doctorID in doctorRatings.keys { doctorRatings[doctorID]?[id] = nil }
        for row in appointmentsByPatient[id] ?? [] {
            var appointment = appointments[row: row]
            patientRatings[appointment.ref] = nil
            guard appointment.reason != nil else { continue }
            appointment.reason = nil
            replace(appointment)
        }
    }
}
