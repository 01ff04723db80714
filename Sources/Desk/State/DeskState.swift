import Clinic
import Store

/// The desk's durable state: the clinic, the inbound messages already handled, and the outbox.
public struct DeskState: StoreState {
    public typealias Record = DeskRecord

    public internal(set) var clinic: ClinicState?
    public internal(set) var handled: Set<String> = []
    public internal(set) var outbox: [String: OutboxMessage] = [:]

    public init() {}

    public mutating func apply(_ record: DeskRecord) {
        absorb(record, eventsApplied: false)
    }

    /// Applies a record; `eventsApplied` when its clinic events were already applied one by one while deciding.
    mutating func absorb(_ record: DeskRecord, eventsApplied: Bool) {
        switch record {
        case .setup(let setup):
            // A setup that does not validate never reaches the journal (init checks it first).
            clinic = try? ClinicState(info: setup.clinic, doctors: setup.doctors)
        case .message(let message):
            handled.insert(message.key)
            if !eventsApplied { clinic?.apply(message.events) }
            for reply in message.replies { outbox[reply.id] = reply }
        case .delivered(let ids):
            for id in ids { outbox[id] = nil }
        }
    }

    mutating func applyToClinic(_ events: [ClinicEvent]) {
        clinic?.apply(events)
    }
}
