import Clinic
import Store

/// The desk's durable state: the clinic, the inbound messages already handled, and the outbox.
public struct DeskState: StoreState {
    public typealias Record = DeskRecord

    public internal(set) var clinic: ClinicState?
    /// Inbound messages handled (their keys) since `handledSince`; `handledBefore` the generation before.
    /// Retention turns them over every `dedupeDays`, so ids are remembered at least that long.
    public internal(set) var handled: Set<String> = []
    public internal(set) var handledBefore: Set<String> = []
    /// When the current generation of handled ids began (nil: before retention first ran).
    public internal(set) var handledSince: Int64?
    public internal(set) var outbox = Outbox()
    /// Addresses whose mail bounced for good: nothing more is sent to them until they write again.
    public internal(set) var undeliverable: Set<String> = []
    /// Reminders sent, as appointment ref -> the fewest minutes before the start a reminder was queued at.
    public internal(set) var reminded: [String: Int] = [:]
    /// When the desk last got the summary of failed deliveries (0: never).
    public internal(set) var lastFailureSummaryAt: Int64 = 0
    /// The last month whose reports went to the doctors and the desk as it ended ("2026-03"; nil: none yet).
    public internal(set) var lastMonthReported: String?
    /// Numbers that sent a carrier opt-out word (STOP …): no SMS goes to them until they send START.
    public internal(set) var smsOptedOut: Set<String> = []
    /// Event webhook endpoints that answered 410 Gone: told nothing more (until their URL changes).
    public internal(set) var disabledEndpoints: Set<String> = []

    /// The key the bounce addresses' tags are made with (hex); nil until drawn.
    public internal(set) var bounceKey: String?
    /// Commands waiting for CONFIRM, by `HeldCommands.key`.
    public internal(set) var holds: [String: HeldCommands] = [:]
    /// Each sender's messages within the last hour (mail, SMS and webhooks alike).
    public internal(set) var allowance = HourlyAllowance()
    /// Erased patients whose rows on the history shelf may still describe them: the desk scrubs those rows
    /// after the commit and records `shelvesScrubbed`, so a crash in between leaves the work owed, not lost.
    public internal(set) var shelvesToScrub: Set<String> = []

    public init() {}

    /// Whether a message with this key was handled within the dedupe window.
    public func hasHandled(_ key: String) -> Bool { handled.contains(key) || handledBefore.contains(key) }

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
            for event in message.events { noteShelvesToScrub(event, eventsApplied: eventsApplied) }
            if !eventsApplied { clinic?.apply(message.events) }
            if message.events.contains(where: { if case .monthClosed = $0 { true } else { false } }), let clinic {
                reminded = reminded.filter { clinic.appointments[String($0.key.prefix { $0 != "." })] != nil }
            }
            for address in message.deliverableAgain ?? [] { undeliverable.remove(address) }
            for address in message.undeliverable ?? [] { undeliverable.insert(address) }
            for number in message.smsOptedOut ?? [] { smsOptedOut.insert(number) }
            for number in message.smsOptedIn ?? [] { smsOptedOut.remove(number) }
            for id in message.bounced ?? [] {
                guard let bounced = outbox[id] else { continue }
                outbox[id]?.apply(OutboxUpdate(id: id, state: .failed, at: bounced.finishedAt ?? bounced.createdAt,
                                               attempts: bounced.attempts, error: "bounced: the recipient's mail server returned it"))
            }
            for id in message.forgotOutbox ?? [] { outbox[id] = nil }
            for reply in message.replies { outbox[reply.id] = reply }
            for key in message.released ?? [] { holds[key] = nil }
            for hold in message.held ?? [] { holds[hold.key] = hold }
            // Counted while deciding when live (a later message of the same batch must see it).
            if !eventsApplied, let mark = message.counted { allowance.count(mark) }
        case .delivered(let ids):
            for id in ids {
                guard let message = outbox[id] else { continue }
                outbox[id]?.apply(OutboxUpdate(id: id, state: .sent, at: message.createdAt, attempts: message.attempts + 1))
            }
        case .outboxUpdates(let updates):
            for update in updates { outbox[update.id]?.apply(update) }
        case .notices(let notices):
            for message in notices.messages { outbox[message.id] = message }
            for (ref, minutes) in notices.reminders { reminded[ref] = min(minutes, reminded[ref] ?? .max) }
            if let at = notices.failureSummaryAt { lastFailureSummaryAt = at }
            if let month = notices.monthReported, month > (lastMonthReported ?? "") { lastMonthReported = month }
        case .forgotten(let ids):
            for id in ids { outbox[id] = nil }
        case .endpointsDisabled(let urls):
            disabledEndpoints.formUnion(urls)
        case .bounceKey(let key):
            bounceKey = key
        case .handledTurnedOver(let at):
            handledBefore = handled
            handled = []
            handledSince = at
        case .shelvesScrubbed(let ids):
            shelvesToScrub.subtract(ids)
        }
    }

    /// An erasure owes the patient's shelf rows a scrub; so does a month closing with an erased patient in it
    /// (another instance may have shelved the month from a state that had not seen the erasure yet).
    private mutating func noteShelvesToScrub(_ event: ClinicEvent, eventsApplied: Bool) {
        switch event {
        case .patientErased(let id, _):
            shelvesToScrub.insert(id)
        case .monthClosed(let month) where !eventsApplied:
            guard let clinic else { return }
            for id in clinic.patients(of: month) where clinic.patients[id]?.name == ClinicState.erasedName { shelvesToScrub.insert(id) }
        default:
            break
        }
    }

    mutating func applyToClinic(_ events: [ClinicEvent]) {
        clinic?.apply(events)
    }
}
