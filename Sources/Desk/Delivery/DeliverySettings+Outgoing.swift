import Foundation

extension DeliverySettings {
    /// Where replies go when no mail server is configured: the data folder's `outgoing/` Maildir, written as each
    /// batch commits; nil when an SMTP server takes them. The one place that rule lives: `caredesk ingest`,
    /// `serve`'s watcher and every delivery pass (`Couriers.make`) ask here.
    public func outgoingMaildir(_ dataFolder: URL) throws -> MaildirDelivery? {
        smtp == nil ? try MaildirDelivery(path: DataFolder.outgoing(dataFolder)) : nil
    }
}
