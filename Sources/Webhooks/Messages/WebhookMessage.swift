import Foundation
import SMS

/// A message posted to the generic JSON webhook:
/// `{"id", "channel", "from", "to", "text", "subject"?}`, checked field by
/// field. Unknown fields are ignored so senders can add their own.
public struct WebhookMessage: Sendable, Equatable {
    public enum Channel: String, Sendable, Equatable {
        case email, sms
    }

    /// The sender's id for the message; the desk deduplicates by it.
    public let id: String
    /// The medium replies go back by.
    public let channel: Channel
    /// An email address, or for SMS the E.164 number (normalised, e.g. "+15550100123").
    public let from: String
    public let to: String
    public let text: String
    /// Nil when absent, null or empty.
    public let subject: String?

    public init(id: String, channel: Channel, from: String, to: String, text: String, subject: String?) {
        self.id = id
        self.channel = channel
        self.from = from
        self.to = to
        self.text = text
        self.subject = subject
    }

    public init(json: Data) throws(WebhookMessageError) {
        guard let object = (try? JSONSerialization.jsonObject(with: json)) as? [String: Any] else {
            throw WebhookMessageError(.notAnObject)
        }
        let fields = WebhookMessageFields(object)
        let id = try fields.required("id", limit: .characters(Self.idLimit), singleLine: true)
        let channelName = try fields.required("channel", limit: .characters(100), singleLine: true)
        guard let channel = Channel(rawValue: channelName) else {
            throw WebhookMessageError(.badChannel(channelName))
        }
        let from = try fields.required("from", limit: .characters(Self.addressLimit), singleLine: true)
        let to = try fields.required("to", limit: .characters(Self.addressLimit), singleLine: true)
        let text = try fields.required("text", limit: .utf8Bytes(Self.textLimit), singleLine: false)
        let subject = try fields.optional("subject", limit: .characters(Self.subjectLimit), singleLine: true)
        let sender: String
        switch channel {
        case .email:
            guard EmailAddressShape.isPlausible(from) else {
                throw WebhookMessageError(.badSender(channel: channel))
            }
            sender = from
        case .sms:
            guard let number = E164(from) else {
                throw WebhookMessageError(.badSender(channel: channel))
            }
            sender = number.value
        }
        self.init(id: id, channel: channel, from: sender, to: to, text: text, subject: subject)
    }

    public static let idLimit = 200
    public static let addressLimit = 320
    public static let textLimit = 10_000
    public static let subjectLimit = 1_000
}
