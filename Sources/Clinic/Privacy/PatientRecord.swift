/// Everything the clinic holds about one patient, for MY DATA (their own copy) and the desk's EXPORT.
/// The doctors' private ratings of the patient are counted for the patient, listed for the desk.
public struct PatientRecord: Sendable, Equatable, Codable {
    public struct Profile: Sendable, Equatable, Codable {
        public var id: String
        public var name: String
        public var email: String?
        public var phone: String?
        public var contactPhone: String?
        public var verified: Bool
        public var registeredAt: Int64
        public var verifiedAt: Int64?
        public var bloodType: String?
        public var dateOfBirth: LocalDate?
        public var postalAddress: String?
        public var photo: Photo?
        /// The language chosen with LANG, when one was.
        public var language: Language?
    }

    public var profile: Profile
    /// Every appointment booked, with its reason, outcome and history, oldest first.
    public var appointments: [Appointment]
    /// Payments and refunds, by appointment reference.
    public var payments: [String: AppointmentPayment]
    /// What is still owed online, by reference (the amount and the hold; never the payment's secrets).
    public var owed: [String: Money]
    /// The ratings the patient gave doctors, by doctor id.
    public var ratingsGiven: [String: Rating]
    /// When the patient's latest CONTACT messages were passed on (the messages themselves are not kept).
    public var contactsRelayed: [Int64]
    /// How many visits the doctors keep private notes about.
    public var privateNotes: Int
    /// Those notes, by appointment reference: only in the desk's EXPORT.
    public var notes: [String: Rating]?
}

extension ClinicState {
    /// What the clinic holds about the patient `id`; `withNotes`: the doctors' private ratings too (the desk).
    public func record(ofPatient id: String, withNotes: Bool) -> PatientRecord? {
        guard let patient = patients[id] else { return nil }
        let rows = appointmentsByPatient[id] ?? []
        let theirs = appointments.reading { held in rows.map { held[Int($0)] } }.sorted { $0.start < $1.start }
        var payments: [String: AppointmentPayment] = [:], owed: [String: Money] = [:], notes: [String: Rating] = [:]
        for appointment in theirs {
            payments[appointment.ref] = self.payments[appointment.ref]
            owed[appointment.ref] = dues[appointment.ref]?.amount
            notes[appointment.ref] = patientRatings[appointment.ref]
        }
        var given: [String: Rating] = [:]
        for (doctorID, ratings) in doctorRatings { given[doctorID] = ratings[id] }
        let profile = PatientRecord.Profile(id: patient.id, name: patient.name, email: patient.email, phone: patient.phone,
                                            contactPhone: patient.contactPhone, verified: patient.verified, registeredAt: patient.registeredAt,
                                            verifiedAt: patient.verifiedAt, bloodType: patient.bloodType, dateOfBirth: patient.dateOfBirth,
                                            postalAddress: patient.postalAddress, photo: patient.photo, language: patient.language)
        return PatientRecord(profile: profile, appointments: theirs, payments: payments, owed: owed, ratingsGiven: given,
                             contactsRelayed: contactTimes[id] ?? [], privateNotes: notes.count, notes: withNotes ? notes : nil)
    }
}
