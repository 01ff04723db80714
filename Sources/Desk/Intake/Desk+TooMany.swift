import Clinic
import Foundation
import Mail

extension Desk {
    /// The one polite answer to a sender past the hourly limit (webhooks): their message is recorded as
    /// handled without reading its commands, and they are told when they will be read again. What they
    /// send after this, until the hour has passed, is not read or answered at all (the caller drops it).
    public func answerTooMany(_ mail: InboundMail, limit: Int, until: Int64, now: Int64) throws -> HandlingReport {
        let templates = self.templates
        return try store.update { state -> ([DeskRecord], HandlingReport) in
            guard let clinic = state.clinic else { throw NotInitialised(description: "no clinic configured") }
            let sender = mail.message.from?.address ?? ""
            if state.handled.contains(mail.key) {
                return ([], HandlingReport(key: mail.key, result: .duplicate, sender: sender, subject: mail.message.subject, replyText: nil))
            }
            let format = ClinicFormat(clinic)
            let fields: TemplateFields = [.count: .number(limit), .when: .text(format.when(until)), .clinic: .text(clinic.info.name),
                                          .phone: .text(clinic.info.phone)]
            let reply: OutboxMessage
            if mail.channel == .sms {
                var message = OutboxMessage(id: mail.derivedID("reply"), channel: .sms, purpose: .reply, envelopeFrom: "",
                                            recipients: [sender], data: templates.sms(.tooMany, fields), createdAt: now)
                if state.smsOptedOut.contains(sender) {
                    message.apply(OutboxUpdate(id: message.id, state: .failed, at: now, attempts: 0,
                                               error: "the number opted out of SMS (STOP); START opts it back in"))
                }
                reply = message
            } else {
                let bodies = templates.render(.tooMany, fields)
                reply = ReplyComposer(clinic: clinic.info).reply(to: mail, recipient: MailAddress(name: nil, address: sender),
                                                                 text: bodies.text + "\n", html: bodies.html, now: now)
            }
            let record = DeskRecord.message(HandledMessage(key: mail.key, events: [], replies: [reply]))
            state.absorb(record, eventsApplied: true)
            return ([record], HandlingReport(key: mail.key, result: .answered(replyID: reply.id), sender: sender,
                                             subject: mail.message.subject, replyText: reply.channel == .sms ? reply.data : nil))
        }
    }

}
