import Foundation

/// The courier when no SMTP server is configured: each message becomes one file in `DATA/outgoing/`
/// (see `MaildirDelivery`), flushed to disk before it counts as sent.
public final class MaildirCourier: Courier {
    let delivery: MaildirDelivery

    public init(_ delivery: MaildirDelivery) {
        self.delivery = delivery
    }

    public func hand(_ message: OutboxMessage) -> CourierResult {
        do {
            _ = try delivery.maildir.deliver(Data(message.data.utf8), name: MaildirDelivery.fileName(message), sync: true)
            try delivery.maildir.syncDirectories()
            return .sent
        } catch {
            // A full or unwritable disk: nothing else will go either.
            return .unreachable("the outgoing folder cannot be written: \(error)")
        }
    }
}
