import Foundation
import Mail

/// Delivery when no SMTP server is configured: each outbox message becomes one file in `DATA/outgoing/`
/// (a Maildir, tmp -> new), under a name derived from its id, so a retry after a crash never makes a second copy.
public struct MaildirDelivery: Sendable {
    public let maildir: Maildir

    public init(path: String) throws {
        maildir = Maildir(path: path)
        try maildir.create()
    }

    public static func fileName(_ message: OutboxMessage) -> String {
        "\(message.createdAt).\(message.id).caredesk"
    }

    /// Delivers each pending mail message (or finds it already delivered) and returns the ids handed over.
    /// Text messages are not mail: they wait for a delivery pass with an SMS courier.
    public func deliver(_ messages: [OutboxMessage]) throws -> [String] {
        let messages = messages.filter { $0.channel == .email && $0.isPending }
        guard !messages.isEmpty else { return [] }
        let cur = try maildir.curListing()
        for message in messages {
            _ = try maildir.deliver(Data(message.data.utf8), name: Self.fileName(message), cur: cur)
        }
        try maildir.syncDirectories()
        return messages.map(\.id)
    }
}
