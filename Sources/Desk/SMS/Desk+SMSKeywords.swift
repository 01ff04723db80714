import Clinic
import Foundation
import Mail
import SMS

/// The carrier keywords a whole SMS may be (STOP, START, HELP …): answered as carriers require, before and
/// instead of the command language. STOP and CANCEL alone opt the number out of SMS; a patient who may
/// have meant to cancel an appointment is told by mail, when they have an address, how to do that.
extension Desk {
    func answerKeyword(_ keyword: SMSKeyword, mail: InboundMessage, number: String, state: DeskState, now: Int64) -> KeywordAnswer {
        let clinic = state.clinic!
        let format = ClinicFormat(clinic)
        let info = format.info
        switch keyword {
        case .optOut:
            var notices: [OutboxMessage] = []
            // The number is the patient's own (registered by SMS), or the phone a patient who writes by mail gave
            // with SET PHONE: a scan, but only for this rare message.
            let patient = clinic.patient(address: number)
                ?? clinic.patients.values.first { $0.email != nil && $0.contactPhone.flatMap { E164($0)?.value } == number }
            if let patient, case .mail(let email) = Reachability(state).patient(patient) {
                let (templates, format) = templates.speaking(clinic.language(ofPatient: patient.id), format)
                let upcoming = clinic.upcoming(patientID: patient.id, now: now)
                let fields: TemplateFields = [
                    .name: .text(patient.name), .clinic: .text(info.name), .phone: .text(info.phone), .noneToShow: .flag(upcoming.isEmpty),
                    .appointments: .list(upcoming.map { .fields([.ref: .text($0.ref), .doctor: .text(format.doctorName($0.doctorID)),
                                                                 .when: .text(format.span($0.start, $0.end))]) }),
                ]
                let bodies = templates.render(.smsOptOutNotice, fields)
                notices.append(NoticeComposer(clinic: info).notice(id: mail.derivedID("sms opt-out notice"),
                                                                   to: MailAddress(name: patient.name, address: email),
                                                                   subject: SubjectLine.noMoreTexts(clinic: info.name).line(format.language),
                                                                   text: bodies.text, html: bodies.html, now: now))
            }
            let record = HandledMessage(key: mail.key, events: [], replies: notices, silentBecause: "SMS opt-out: nothing more is texted",
                                        smsOptedOut: [number])
            return KeywordAnswer(record: record, replyText: nil)
        case .optIn, .help:
            let text = keyword == .help
                ? templates.sms(.keywordHelp, [.clinic: .text(info.name), .phone: .text(info.phone), .email: .text(info.deskEmail)])
                : templates.sms(.optedIn, [.clinic: .text(info.name)])
            let reply = OutboxMessage(id: mail.derivedID("reply"), channel: .sms, purpose: .reply, envelopeFrom: "",
                                      recipients: [number], data: SMSSegments.fit(text, segments: 2), createdAt: now)
            let record = HandledMessage(key: mail.key, events: [], replies: [reply], smsOptedIn: keyword == .optIn ? [number] : nil)
            return KeywordAnswer(record: record, replyText: reply.data)
        }
    }

    /// What a keyword did: the record to commit, and the SMS text sent back (none for an opt-out).
    struct KeywordAnswer: Sendable {
        let record: HandledMessage
        let replyText: String?
    }
}
