import Clinic

/// One entry of the journal. An inbound message is one record: the events it caused and the replies it
/// produced, committed together, so a replay after a crash reaches the same state with nothing lost or doubled.
public enum DeskRecord: Sendable, Codable, Equatable {
    /// The clinic as configured by `caredesk init`.
    case setup(ClinicSetup)
    case message(HandledMessage)
    /// Outbox messages handed to their destination (the local Maildir: always at the first attempt).
    case delivered([String])
    /// What delivery attempts changed.
    case outboxUpdates([OutboxUpdate])
    /// Messages the clinic starts by itself (reminders, the daily failure summary) and what they settle.
    case notices(Notices)
    /// Sent or failed messages old enough to be forgotten.
    case forgotten([String])
    /// Event webhook endpoints that answered 410 Gone.
    case endpointsDisabled([String])
    /// The key of the bounce addresses' HMAC, drawn once from the system's CSPRNG (hex).
    case bounceKey(String)
    /// Retention: the handled ids older than the dedupe window are forgotten, the current ones kept one window more.
    case handledTurnedOver(at: Int64)
    /// The history shelf's rows of these erased patients were scrubbed (see `DeskState.shelvesToScrub`).
    case shelvesScrubbed([String])
}

/// Messages the clinic starts, journaled with the facts that keep them from being sent twice.
public struct Notices: Sendable, Codable, Equatable {
    public var messages: [OutboxMessage]
    /// Reminders queued, as appointment ref -> minutes before the start.
    public var reminders: [String: Int]
    /// Set when `messages` holds the desk's failure summary.
    public var failureSummaryAt: Int64?
    /// Set when `messages` hold the reports of the month that ended ("2026-03").
    public var monthReported: String?

    public init(messages: [OutboxMessage], reminders: [String: Int] = [:], failureSummaryAt: Int64? = nil, monthReported: String? = nil) {
        self.messages = messages
        self.reminders = reminders
        self.failureSummaryAt = failureSummaryAt
        self.monthReported = monthReported
    }
}

public struct ClinicSetup: Sendable, Codable, Equatable {
    public var clinic: ClinicInfo
    public var doctors: [Doctor]

    public init(clinic: ClinicInfo, doctors: [Doctor]) {
        self.clinic = clinic
        self.doctors = doctors
    }
}

/// What handling one inbound message did.
public struct HandledMessage: Sendable, Codable, Equatable {
    /// The Message-ID, or a hash of the content for mail without one.
    public var key: String
    public var events: [ClinicEvent]
    public var replies: [OutboxMessage]
    /// Why no reply was sent, when none was (auto-reply, list, loop …). Never holds patient details.
    public var silentBecause: String?
    /// Addresses a delivery-status report said do not take mail (no more mail is sent to them).
    public var undeliverable: [String]?
    /// Addresses that wrote in again after bouncing: mail to them is tried again.
    public var deliverableAgain: [String]?
    /// Outbox messages a delivery-status report said failed for good.
    public var bounced: [String]?
    /// Numbers that opted out of SMS (STOP) or back in (START) with this message.
    public var smsOptedOut: [String]?
    public var smsOptedIn: [String]?
    /// Commands this message held for CONFIRM, or holds it changed (a wrong code used up an attempt).
    public var held: [HeldCommands]?
    /// Holds this message ended (carried out, void, or expired), by `HeldCommands.key`.
    public var released: [String]?
    /// The message's mark on its sender's hourly allowance.
    public var counted: AllowanceMark?
    /// Outbox messages to a patient who was erased: gone with their details.
    public var forgotOutbox: [String]?

    public init(key: String, events: [ClinicEvent], replies: [OutboxMessage], silentBecause: String? = nil,
                undeliverable: [String]? = nil, deliverableAgain: [String]? = nil, bounced: [String]? = nil,
                smsOptedOut: [String]? = nil, smsOptedIn: [String]? = nil, held: [HeldCommands]? = nil, released: [String]? = nil,
                counted: AllowanceMark? = nil) {
        self.key = key
        self.events = events
        self.replies = replies
        self.silentBecause = silentBecause
        self.undeliverable = undeliverable
        self.deliverableAgain = deliverableAgain
        self.bounced = bounced
        self.smsOptedOut = smsOptedOut
        self.smsOptedIn = smsOptedIn
        self.held = held
        self.released = released
        self.counted = counted
    }
}
