import Clinic
import Crypto
import Foundation
import Mail

/// Builds the messages the clinic starts by itself (reminders, the desk's summaries). Unlike replies they
/// carry a bounce address naming the message (`bounces+<id>@domain`), so a delivery-status report that comes
/// back says exactly which message and address failed; and `Auto-Submitted: auto-generated` (RFC 3834).
struct NoticeComposer {
    let clinic: ClinicInfo

    var domain: String {
        clinic.deskEmail.split(separator: "@").last.map(String.init) ?? "caredesk.invalid"
    }

    /// The envelope sender of notice `id`.
    static func bounceAddress(id: String, domain: String) -> String { "bounces+\(id)@\(domain)" }

    /// A stable id for a notice: the same cause always names the same message.
    static func id(_ cause: String) -> String {
        String(InboundMessage.hex(SHA256.hash(data: Data(("notice\n" + cause).utf8))).prefix(32))
    }

    func notice(id: String, to recipient: MailAddress, replyTo: MailAddress? = nil, subject: String, text: String, html: String? = nil,
                attachments: [Attachment] = [], now: Int64) -> OutboxMessage {
        let outgoing = OutgoingMail(
            from: MailAddress(name: clinic.name, address: clinic.deskEmail), to: [recipient], replyTo: replyTo, subject: subject,
            messageID: "\(id)@\(domain)", date: Date(timeIntervalSince1970: Double(now)), autoSubmitted: "auto-generated",
            extraHeaders: [("X-Loop", clinic.deskEmail)], text: text, html: html, attachments: attachments)
        let data = outgoing.renderText(lineEnding: "\n")
        return OutboxMessage(id: id, purpose: .notice, envelopeFrom: Self.bounceAddress(id: id, domain: domain),
                             recipients: [recipient.address], data: data, createdAt: now)
    }
}
