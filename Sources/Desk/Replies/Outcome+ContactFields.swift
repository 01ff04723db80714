import Clinic

/// The values of the CONTACT replies.
extension Outcome {
    func contactTemplate(_ format: ClinicFormat) -> (name: TemplateName, fields: TemplateFields) {
        switch self {
        case .contactSent(let to):
            return (.contactSent, [.to: .text(to)])
        case .contactRefused(let refusal):
            return (.contactRefused, [.count: .number(refusal.limit), .day: .text(format.day(refusal.again))])
        default:
            return joiningTemplate(format)
        }
    }
}
