import Clinic
import Foundation
import Mail

/// A message past its sender's hourly allowance, answered once: it is recorded as handled without reading
/// its commands, and the sender is told when they will be read again. What they send after this, until
/// the hour has passed, is not read or answered at all.
struct TooMany: Sendable {
    let mail: InboundMessage
    /// The address or number the answer goes to.
    let recipient: String
    let limit: Int
    let until: Int64
    let mark: AllowanceMark
}

extension Desk {
    /// The one polite answer to a sender past the hourly limit.
    func tooManyReply(_ tooMany: TooMany, clinic: ClinicState, reach: Reachability, now: Int64) -> OutboxMessage {
        let format = ClinicFormat(clinic)
        let fields: TemplateFields = [.count: .number(tooMany.limit), .when: .text(format.when(tooMany.until)), .clinic: .text(clinic.info.name),
                                      .phone: .text(clinic.info.phone)]
        let mail = tooMany.mail
        guard mail.channel == .sms else {
            let bodies = templates.render(.tooMany, fields)
            return ReplyComposer(clinic: clinic.info).reply(to: mail, recipient: MailAddress(name: nil, address: tooMany.recipient),
                                                       text: bodies.text + "\n", html: bodies.html, now: now)
        }
        var message = OutboxMessage(id: mail.derivedID("reply"), channel: .sms, purpose: .reply, envelopeFrom: "",
                                    recipients: [tooMany.recipient], data: templates.sms(.tooMany, fields), createdAt: now)
        reach.hold(&message, now: now)
        return message
    }
}
