import Foundation
import Mail

/// The SMS courier when no gateway is configured: each text becomes one file in `DATA/outgoing-sms/` (a
/// Maildir, tmp -> new, named by its id like `outgoing/`), holding the number it is for and the text, so
/// the clinic sees what would have been sent and a retry never makes a second copy.
public final class SMSFolderCourier: Courier {
    let maildir: Maildir

    public init(path: String) throws {
        maildir = Maildir(path: path)
        try maildir.create()
    }

    public func hand(_ message: OutboxMessage) -> CourierResult {
        let text = "To: \(message.recipients.joined(separator: ", "))\nX-CareDesk-Channel: sms\n\n\(message.data)\n"
        do {
            _ = try maildir.deliver(Data(text.utf8), name: MaildirDelivery.fileName(message), sync: true)
            try maildir.syncDirectories()
            return .sent
        } catch {
            return .unreachable("the outgoing-sms folder cannot be written: \(error)")
        }
    }
}
