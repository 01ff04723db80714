import Clinic

/// The values of the profile replies: a patient's or a doctor's own profile, a field set, a field refused.
/// An empty field is left out, so the templates say it is not on file.
extension Outcome {
    func profileTemplate(_ format: ClinicFormat) -> (name: TemplateName, fields: TemplateFields) {
        switch self {
        case .patientProfile(let patient):
            return (.patientProfile, [.name: .text(patient.name), .writesFrom: .text(patient.email ?? patient.phone ?? ""),
                                      .phone: patient.contactPhone.map(TemplateValue.text), .blood: patient.bloodType.map(TemplateValue.text),
                                      .born: patient.dateOfBirth.map { .text(format.day($0)) },
                                      .address: patient.postalAddress.map(TemplateValue.text), .photo: .flag(patient.photo != nil)])
        case .doctorProfile(let doctor):
            return (.doctorProfile, format.fields(of: doctor))
        case .profileChanged(let change):
            return (.profileChanged, [.field: .text(change.field), .value: .text(change.spokenValue(format))])
        case .profileFieldRefused(let field, let allowed):
            return (.profileFieldRefused, [.field: .text(field), .fields: .text(allowed.joined(separator: ", "))])
        default:
            return ratingTemplate(format)
        }
    }
}

extension ProfileChange {
    /// The value now on file, as the reply prints it.
    func spokenValue(_ format: ClinicFormat) -> String {
        switch self {
        case .name(let text), .postalAddress(let text), .phone(let text), .qualifications(let text), .specialty(let text), .bio(let text):
            text
        case .bloodType(let type): type.rawValue
        case .dateOfBirth(let day): format.day(day)
        case .fee(let fee): format.money(fee)
        case .monthReports(true): "ON: your earnings report comes by mail as each month ends"
        case .monthReports(false): "OFF: no earnings report by mail; EARNINGS <month> still answers"
        case .language(let language): language.ownName
        }
    }
}
