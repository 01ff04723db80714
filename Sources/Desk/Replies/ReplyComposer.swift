import Clinic
import Foundation
import Mail

/// Builds the RFC 5322 reply to an inbound message (RFC 3834: Auto-Submitted, In-Reply-To, References,
/// null envelope sender).
struct ReplyComposer {
    let clinic: ClinicInfo

    var domain: String {
        clinic.deskEmail.split(separator: "@").last.map(String.init) ?? "caredesk.invalid"
    }

    func reply(to mail: InboundMail, recipient: MailAddress, text: String, html: String?, attachments: [Attachment] = [],
               inlineImages: [InlineImage] = [], now: Int64) -> OutboxMessage {
        let id = mail.derivedID("reply")
        let subject = mail.message.subject
        let reSubject: String
        if subject.isEmpty {
            reSubject = "Re: your message to \(clinic.name)"
        } else if subject.lowercased().hasPrefix("re:") {
            reSubject = subject
        } else {
            reSubject = "Re: " + subject
        }
        var references = Array(mail.message.references.suffix(9))
        if let parent = mail.message.messageID { references.append(parent) }
        var outgoing = OutgoingMail(
            from: MailAddress(name: clinic.name, address: clinic.deskEmail), to: [recipient], subject: reSubject,
            messageID: "\(id)@\(domain)", inReplyTo: mail.message.messageID, references: references,
            date: Date(timeIntervalSince1970: Double(now)), autoSubmitted: "auto-replied",
            extraHeaders: [("X-Loop", clinic.deskEmail)],
            text: text, html: html, attachments: attachments)
        outgoing.inlineImages = inlineImages
        let data = String(decoding: outgoing.render(lineEnding: "\n"), as: UTF8.self)
        return OutboxMessage(id: id, envelopeFrom: "", recipients: [recipient.address], data: data, createdAt: now)
    }
}
