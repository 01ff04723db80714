/// A message the clinic has decided to send, kept in the store until it is delivered. Its id is derived from
/// what caused it, so replaying the same inbound message yields the same id and the same Message-ID.
public struct OutboxMessage: Sendable, Codable, Equatable {
    public enum Channel: String, Sendable, Codable { case email }

    public var id: String
    public var channel: Channel
    /// Envelope sender: "" for the null reverse-path of replies to commands (RFC 3834).
    public var envelopeFrom: String
    public var recipients: [String]
    /// The complete RFC 5322 message (ASCII: non-ASCII text is quoted-printable or encoded words).
    public var data: String
    public var createdAt: Int64

    public init(id: String, channel: Channel = .email, envelopeFrom: String, recipients: [String], data: String, createdAt: Int64) {
        self.id = id
        self.channel = channel
        self.envelopeFrom = envelopeFrom
        self.recipients = recipients
        self.data = data
        self.createdAt = createdAt
    }
}
