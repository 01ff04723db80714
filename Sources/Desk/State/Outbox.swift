/// The outbox: every message waiting, being sent, sent or failed, by id. It keeps its counts by state, the
/// ids still to be handed over and when one last went as it changes, so the health report and a delivery
/// round read those without walking every message the outbox keeps.
public struct Outbox: Sendable, Equatable, Codable {
    private var messages: [String: OutboxMessage] = [:]
    /// How many messages are in each state.
    public private(set) var counts: [OutboxMessage.State: Int] = [:]
    /// The ids of the messages still to be handed over (queued, sending, deferred).
    public private(set) var pendingIDs: Set<String> = []
    /// When a message last went (its `finishedAt`), kept when the message itself is forgotten.
    public private(set) var lastSentAt: Int64?

    public init() {}

    public subscript(id: String) -> OutboxMessage? {
        get { messages[id] }
        set {
            if let old = messages[id] { forget(old) }
            messages[id] = newValue
            if let new = newValue { note(new) }
        }
    }

    public var values: Dictionary<String, OutboxMessage>.Values { messages.values }
    public var count: Int { messages.count }
    public var isEmpty: Bool { messages.isEmpty }

    /// The messages still to be handed over, in no particular order.
    public var pending: [OutboxMessage] { pendingIDs.compactMap { messages[$0] } }

    private mutating func note(_ message: OutboxMessage) {
        counts[message.state, default: 0] += 1
        if message.isPending { pendingIDs.insert(message.id) }
        if message.state == .sent, let at = message.finishedAt, at > lastSentAt ?? .min { lastSentAt = at }
    }

    private mutating func forget(_ message: OutboxMessage) {
        counts[message.state, default: 0] -= 1
        if message.isPending { pendingIDs.remove(message.id) }
    }

    public init(from decoder: any Decoder) throws {
        for message in try [OutboxMessage](from: decoder) { self[message.id] = message }
    }

    public func encode(to encoder: any Encoder) throws {
        try values.sorted { $0.id < $1.id }.encode(to: encoder)
    }

    public static func == (a: Outbox, b: Outbox) -> Bool { a.messages == b.messages }
}
