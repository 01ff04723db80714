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

