import Clinic
import Mail

/// A notice about a request to join as a doctor, with its reader: the desk for a new request, the applicant
/// for the desk's answer. Named by the request and its kind, so a replay writes the same message.
struct JoiningLetter: Sendable {
    let notice: JoiningNotice
    let recipient: MailAddress

    init?(_ notice: JoiningNotice, clinic: ClinicInfo) {
        self.notice = notice
        switch notice.kind {
        case .request:
            recipient = MailAddress(name: "\(clinic.name) front desk", address: clinic.deskEmail)
        case .approved, .rejected:
            // An applicant who wrote by SMS is answered by SMS once that channel carries notices.
            guard notice.request.address.contains("@") else { return nil }
            recipient = MailAddress(name: notice.request.name, address: notice.request.address)
        }
    }

    func message(templates: ReplyTemplates, format: ClinicFormat, now: Int64) -> OutboxMessage {
        let (name, fields, subject) = notice.template(format)
        let bodies = templates.render(name, fields)
        let id = NoticeComposer.id("doctor request \(notice.request.id) \(notice.kind.word) \(notice.request.at)")
        return NoticeComposer(clinic: format.info).notice(id: id, to: recipient, subject: subject, text: bodies.text, html: bodies.html,
                                                          now: now)
    }
}

extension JoiningNotice {
    /// The template, its values and the subject line of the notice.
    func template(_ format: ClinicFormat) -> (name: TemplateName, fields: TemplateFields, subject: String) {
        var fields = request.fields(format)
        fields[.clinic] = .text(format.info.name)
        fields[.phone] = .text(format.info.phone)
        switch kind {
        case .request:
            return (.doctorRequestNotice, fields, "Request \(request.id): \(request.name) asks to join as a doctor")
        case .approved(let doctor):
            fields[.id] = .text(doctor.id)
            fields[.doctor] = .text(doctor.name)
            return (.doctorApprovedNotice, fields, "Welcome to \(format.info.name)")
        case .rejected:
            return (.doctorRejectedNotice, fields, "Your request to join \(format.info.name)")
        }
    }
}

extension JoiningNotice.Kind {
    var word: String {
        switch self {
        case .request: "request"
        case .approved: "approved"
        case .rejected: "rejected"
        }
    }
}
