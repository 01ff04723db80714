import Clinic
import Foundation
import Mail

/// Builds the RFC 5322 reply to an inbound message (RFC 3834: Auto-Submitted, In-Reply-To, References,
/// null envelope sender).
struct ReplyComposer {
    let clinic: ClinicInfo
    /// The reader's language (the subject written for a message that had none).
    var language: Language = .en

    /// What follows the desk address's last "@" (the address itself when it has none).
    var domain: String {
        let email = clinic.deskEmail.utf8
        var end = email.endIndex
        while end > email.startIndex, email[email.index(before: end)] == UInt8(ascii: "@") { end = email.index(before: end) }
        guard end > email.startIndex else { return "caredesk.invalid" }
        let start = email[..<end].lastIndex(of: UInt8(ascii: "@")).map(email.index(after:)) ?? email.startIndex
        return String(clinic.deskEmail[start..<end])
    }

    func reply(to mail: InboundMessage, recipient: MailAddress, text: String, html: String?, attachments: [Attachment] = [],
               inlineImages: [InlineImage] = [], now: Int64) -> OutboxMessage {
        let id = mail.derivedID("reply")
        let subject = mail.message.subject
        let reSubject: String
        if subject.isEmpty {
            reSubject = SubjectLine.reply(clinic: clinic.name).line(language)
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
        let data = outgoing.renderText(lineEnding: "\n")
        return OutboxMessage(id: id, envelopeFrom: "", recipients: [recipient.address], data: data, createdAt: now)
    }
}
