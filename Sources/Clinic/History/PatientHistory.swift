/// What a closed month held about one patient: their appointments of the month with their payments and the
/// doctors' notes. One shelf row per patient and month; read back for MY DATA and EXPORT, scrubbed by ERASE.
public struct PatientHistory: Sendable, Equatable, Codable {
    public var patientID: String
    public var month: YearMonth
    public var appointments: [Appointment]
    /// Payments and refunds, by appointment reference.
    public var payments: [String: AppointmentPayment]
    /// The doctors' private ratings of the patient, by appointment reference.
    public var notes: [String: Rating]

    public init(patientID: String, month: YearMonth, appointments: [Appointment], payments: [String: AppointmentPayment],
                notes: [String: Rating]) {
        self.patientID = patientID
        self.month = month
        self.appointments = appointments
        self.payments = payments
        self.notes = notes
    }

    /// The same history after the patient was erased: what the books need stays (that an appointment existed,
    /// its doctor, time, fee and payment), what describes the patient goes (reasons, the doctors' notes), as in memory.
    public var erased: PatientHistory {
        var copy = self
        copy.appointments = appointments.map { var a = $0; a.reason = nil; return a }
        copy.notes = [:]
        return copy
    }
}

extension PatientRecord {
    /// The record with what the history shelf keeps of the patient's closed months: appointments oldest first.
    public func adding(_ histories: [PatientHistory], withNotes: Bool) -> PatientRecord {
        guard !histories.isEmpty else { return self }
        var copy = self
        for history in histories {
            copy.appointments += history.appointments
            copy.payments.merge(history.payments) { live, _ in live }
            copy.privateNotes += history.notes.count
            if withNotes { copy.notes = (copy.notes ?? [:]).merging(history.notes) { live, _ in live } }
        }
        copy.appointments.sort { $0.start < $1.start }
        return copy
    }
}
