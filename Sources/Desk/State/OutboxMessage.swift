/// A message the clinic has decided to send, kept in the store until it is delivered (and for a week after,
/// without its content, so `caredesk show outbox` can tell what happened). Its id is derived from what caused
/// it, so replaying the same inbound message yields the same id and the same Message-ID.
public struct OutboxMessage: Sendable, Codable, Equatable {
    /// How it goes: as mail (`data` a whole RFC 5322 message), as an SMS (`data` the text, `recipients`
    /// one E.164 number), as an event webhook (`data` the JSON body, `recipients` the endpoint's URL), or as a
    /// call to Stripe (`data` a `StripeRequest` as JSON; the id is its Idempotency-Key).
    public enum Channel: String, Sendable, Codable { case email, sms, webhook, stripe }

    /// Why the clinic sends it, which decides the envelope sender (RFC 3834, RFC 5321).
    public enum Purpose: String, Sendable, Codable {
        /// An answer to a command: null reverse-path, so nothing ever answers it back.
        case reply
        /// Something the clinic starts (reminder, alert, summary): a bounce address naming the message.
        case notice
    }

    public enum State: String, Sendable, Codable, CaseIterable {
        case queued, sending, sent, deferred, failed
    }

    public var id: String
    public var channel: Channel
    public var purpose: Purpose
    /// Envelope sender: "" for the null reverse-path of replies to commands (RFC 3834),
    /// `bounces+<id>@domain` for notices.
    public var envelopeFrom: String
    public var recipients: [String]
    /// The complete RFC 5322 message (ASCII: non-ASCII text is quoted-printable or encoded words).
    /// Emptied once the message is sent or has failed for good.
    public var data: String
    public var createdAt: Int64
    public var state: State
    /// Hand-over attempts made so far.
    public var attempts: Int
    /// When a deferred message is next tried.
    public var nextAttemptAt: Int64?
    /// The last failure, as the server or the transport put it (never the message's content).
    public var lastError: String?
    /// When it was sent or failed for good.
    public var finishedAt: Int64?
    /// The answer to an erased patient: once it is sent or has failed, not even its address is kept.
    public var forgetsRecipient: Bool?

    public init(id: String, channel: Channel = .email, purpose: Purpose = .reply, envelopeFrom: String, recipients: [String],
                data: String, createdAt: Int64) {
        self.id = id
        self.channel = channel
        self.purpose = purpose
        self.envelopeFrom = envelopeFrom
        self.recipients = recipients
        self.data = data
        self.createdAt = createdAt
        state = .queued
        attempts = 0
    }

    /// Still to be handed over (queued, being sent, or waiting for its next attempt).
    public var isPending: Bool { state == .queued || state == .sending || state == .deferred }

    enum CodingKeys: String, CodingKey {
        case id, channel, purpose, envelopeFrom, recipients, data, createdAt, state, attempts, nextAttemptAt, lastError, finishedAt, forgetsRecipient
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        channel = try c.decodeIfPresent(Channel.self, forKey: .channel) ?? .email
        purpose = try c.decodeIfPresent(Purpose.self, forKey: .purpose) ?? .reply
        envelopeFrom = try c.decode(String.self, forKey: .envelopeFrom)
        recipients = try c.decode([String].self, forKey: .recipients)
        data = try c.decodeIfPresent(String.self, forKey: .data) ?? ""
        createdAt = try c.decode(Int64.self, forKey: .createdAt)
        state = try c.decodeIfPresent(State.self, forKey: .state) ?? .queued
        attempts = try c.decodeIfPresent(Int.self, forKey: .attempts) ?? 0
        nextAttemptAt = try c.decodeIfPresent(Int64.self, forKey: .nextAttemptAt)
        lastError = try c.decodeIfPresent(String.self, forKey: .lastError)
        finishedAt = try c.decodeIfPresent(Int64.self, forKey: .finishedAt)
        forgetsRecipient = try c.decodeIfPresent(Bool.self, forKey: .forgetsRecipient)
    }
}

/// What one hand-over attempt changed about an outbox message. Computed when the attempt ends (with the retry
/// policy in force then) and journaled, so replaying the journal reaches the same outbox.
public struct OutboxUpdate: Sendable, Codable, Equatable {
    public var id: String
    public var state: OutboxMessage.State
    public var at: Int64
    public var attempts: Int
    public var nextAttemptAt: Int64?
    public var error: String?

    public init(id: String, state: OutboxMessage.State, at: Int64, attempts: Int, nextAttemptAt: Int64? = nil, error: String? = nil) {
        self.id = id
        self.state = state
        self.at = at
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.error = error
    }
}

extension OutboxMessage {
    mutating func apply(_ update: OutboxUpdate) {
        state = update.state
        attempts = update.attempts
        nextAttemptAt = update.nextAttemptAt
        if let error = update.error { lastError = error }
        if state == .sent || state == .failed {
            finishedAt = update.at
            data = ""
            if forgetsRecipient == true { recipients = [] }
        }
    }
}
