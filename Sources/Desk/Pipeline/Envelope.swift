import Clinic
import Mail
import SMS

/// Stage 1 of a message's life: who wrote, on which channel, from which address — the mail's From (lowercased)
/// or the SMS's number (E.164) — before anything it says is read. The authentication verdict is weighed with
/// the clinic's roles in screening (`Provenance`).
struct Envelope {
    let mail: InboundMessage
    let from: MailAddress
    /// Whom the desk knows the sender as: a lowercased mail address, or an E.164 number.
    let address: String

    var channel: Sender.Channel { mail.channel }

    /// What the envelope of a message says: who wrote it, or why nobody usable did.
    enum Reading {
        case sender(Envelope)
        /// Not answered: the reason.
        case unusable(String)
    }

    static func read(_ mail: InboundMessage) -> Reading {
        guard let from = mail.message.from else { return .unusable("no usable sender address") }
        if mail.channel == .sms {
            guard let number = E164(from.address) else { return .unusable("no usable sender number") }
            return .sender(Envelope(mail: mail, from: from, address: number.value))
        }
        guard from.address.utf8.contains(UInt8(ascii: "@")) else { return .unusable("no usable sender address") }
        return .sender(Envelope(mail: mail, from: from, address: from.address.asciiLowercased))
    }

    /// Where the answer goes: the number for a text, the address as written for mail.
    var answerTo: String { channel == .sms ? address : from.address }
}
