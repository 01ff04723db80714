/// RATE DR <doctor> from a patient after a completed visit (one per doctor, editable), and RATE <ref> from
/// a doctor about the patient of a past appointment (one per appointment, editable for three days; never
/// shown to the patient).
extension ClinicState {
    static let patientRatingEditableSeconds: Int64 = 3 * 24 * 3600

    /// A doctor's ratings summed up, or nil when no patient has rated them.
    public func ratingSummary(doctorID: String) -> RatingSummary? {
        guard let ratings = doctorRatings[doctorID], !ratings.isEmpty else { return nil }
        return RatingSummary(ratings.values)
    }

    func rateDoctor(_ doctor: Doctor, stars: Int, comment: String?, patient: Patient, now: Int64) -> Decision {
        let rows = appointmentsByPatient[patient.id] ?? []
        let visited = appointments.reading { held in
            rows.contains { held[Int($0)].doctorID == doctor.id && held[Int($0)].status == .completed }
        }
        guard visited || pastVisits[patient.id]?.contains(doctor.id) == true else { return Decision(outcome: .rateRefused(.noCompletedVisit(doctor))) }
        let before = doctorRatings[doctor.id]?[patient.id]
        let rating = Rating(stars: stars, comment: comment, firstAt: before?.firstAt ?? now, at: now)
        return Decision(events: [.doctorRated(doctorID: doctor.id, patientID: patient.id, rating: rating)],
                        outcome: .doctorRated(doctor, stars: stars, updated: before != nil))
    }

    func ratePatient(ref: String, stars: Int, comment: String?, doctorID: String, now: Int64) -> Decision {
        guard let appointment = appointments[ref] else { return Decision(outcome: .rateRefused(.unknownRef(ref))) }
        guard appointment.doctorID == doctorID else { return Decision(outcome: .rateRefused(.notYours(ref))) }
        guard appointment.start <= now else { return Decision(outcome: .rateRefused(.notYet(appointment))) }
        guard appointment.status != .cancelledByPatient, appointment.status != .cancelledByClinic else {
            return Decision(outcome: .rateRefused(.cancelled(appointment)))
        }
        let before = patientRatings[ref]
        if let before, now > before.firstAt + Self.patientRatingEditableSeconds {
            return Decision(outcome: .rateRefused(.closed(ref: ref, at: before.firstAt + Self.patientRatingEditableSeconds)))
        }
        let rating = Rating(stars: stars, comment: comment, firstAt: before?.firstAt ?? now, at: now)
        return Decision(events: [.patientRated(ref: ref, rating: rating)],
                        outcome: .patientRated(ref: ref, stars: stars, updated: before != nil,
                                               editableUntil: rating.firstAt + Self.patientRatingEditableSeconds))
    }

    /// Puts back the ratings a snapshot kept.
    public mutating func restore(doctorRatings: [String: [String: Rating]], patientRatings: [String: Rating]) {
        self.doctorRatings = doctorRatings
        self.patientRatings = patientRatings
    }
}
