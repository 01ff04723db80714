import Clinic

/// The values of the replies about a patient's own data: MY DATA and EXPORT, FORGET ME and ERASE.
extension Outcome {
    func privacyTemplate(_ format: ClinicFormat) -> (name: TemplateName, fields: TemplateFields) {
        switch self {
        case .patientData(let record):
            return (.myData, [.name: .text(record.profile.name), .count: .number(record.appointments.count),
                              .paid: .number(record.payments.count), .ratings: .number(record.ratingsGiven.count),
                              .photo: .flag(record.profile.photo != nil), .notes: record.privateNotes > 0 ? .number(record.privateNotes) : nil,
                              .id: .text(record.profile.id)])
        case .patientErased(let cancelled):
            return (.patientErased, [.cancelled: .list(cancelled.map { .fields(format.fields(of: $0)) }), .several: .flag(!cancelled.isEmpty)])
        case .patientUnknown(let who):
            return (.patientUnknown, [.id: .text(who)])
        default:
            return (.problem, [:])
        }
    }
}
