import Clinic

/// One entry of the journal. An inbound message is one record: the events it caused and the replies it
/// produced, committed together, so a replay after a crash reaches the same state with nothing lost or doubled.
public enum DeskRecord: Sendable, Codable, Equatable {
    /// The clinic as configured by `caredesk init`.
    case setup(ClinicSetup)
    case message(HandledMessage)
    /// Outbox messages handed to their destination.
    case delivered([String])
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

    public init(key: String, events: [ClinicEvent], replies: [OutboxMessage], silentBecause: String? = nil) {
        self.key = key
        self.events = events
        self.replies = replies
        self.silentBecause = silentBecause
    }
}
