import Clinic
import SMS

/// A patient notice sent by SMS: to a patient who has a phone number and no mail address. Named like its mail
/// twin (by the inbound message and the patient), so a replay queues the same text.
struct TextedNotice: Sendable {
    let notice: PatientNotice
    let number: String
    let name: String
    let cause: String
    var language: Language = .en

    func message(templates: ReplyTemplates, format: ClinicFormat, now: Int64) -> OutboxMessage {
        let (templates, format) = templates.speaking(language, format)
        let (template, fields, _) = notice.template(format, patientName: name)
        let text = SMSSegments.fit(DecidedMessage.oneLine(templates.sms(template, fields)), segments: 2)
        return OutboxMessage(id: NoticeComposer.id("patient notice \(cause) \(notice.patientID)"), channel: .sms, purpose: .notice,
                             envelopeFrom: "", recipients: [number], data: text, createdAt: now)
    }
}

extension ClinicState {
    /// The notice as a text, when the patient has a phone number but no mail address (and it is not a relay).
    func texted(_ notice: PatientNotice, cause: String) -> TextedNotice? {
        guard !notice.isRelay, let patient = patients[notice.patientID], case .sms(let phone) = patient.contactRoute else { return nil }
        return TextedNotice(notice: notice, number: phone, name: patient.name, cause: cause, language: language(ofPatient: patient.id))
    }
}
