import Clinic

/// The values of the rating replies. A doctor's rating of a patient is told only to that doctor.
extension Outcome {
    func ratingTemplate(_ format: ClinicFormat) -> (name: TemplateName, fields: TemplateFields) {
        switch self {
        case .doctorRated(let doctor, let stars, let updated):
            return (.doctorRated, [.doctor: .text(doctor.name), .stars: .number(stars), .updated: .flag(updated),
                                   .rating: format.rating(of: doctor.id).map { .text($0.average) },
                                   .ratings: format.rating(of: doctor.id).map { .number($0.count) }])
        case .patientRated(let ref, let stars, let updated, let until):
            return (.patientRated, [.ref: .text(ref), .stars: .number(stars), .updated: .flag(updated), .until: .text(format.when(until))])
        case .rateRefused(let refusal):
            return (.rateRefused, [.why: .text(refusal.explanation(format))])
        default:
            return contactTemplate(format)
        }
    }
}

extension RateRefusal {
    func explanation(_ format: ClinicFormat) -> String {
        switch self {
        case .unknownRef(let ref): "there is no appointment \(ref)."
        case .notYours(let ref): "appointment \(ref) is not one of yours."
        case .notYet(let a): "appointment \(a.ref) is at \(format.span(a.start, a.end)), still ahead."
        case .cancelled(let a): "appointment \(a.ref) is \(a.status.spoken)."
        case .closed(let ref, let at): "your rating of \(ref) could be changed until \(format.when(at)); it is closed now."
        case .noCompletedVisit(let doctor): "a doctor can be rated after a visit they marked done; you have none with \(doctor.name) yet."
        }
    }
}
