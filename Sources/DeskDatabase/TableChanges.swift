import Clinic
import Desk
import PostgresNIO

/// What a commit changes in the tables the database keeps beside the log (appointments, handled ids, the
/// outbox), read off the records and the state after them. Each row is written as it now stands, once.
struct TableChanges {
    var appointments: [Appointment] = []
    var handled: [String] = []
    /// The dedupe generation each handled id belongs to (`DeskState.handledSince` when it was handled).
    var handledSince: [Int64] = []
    /// Set when retention turned the handled ids over at this instant.
    var turnedOverAt: Int64?
    var outbox: [OutboxMessage] = []
    var outboxRemoved: [String] = []
    /// The months closed, as [start, end) instants: their appointments leave the table with them.
    var monthsClosed: [(start: Int64, end: Int64)] = []

    init(records: [DeskRecord], after state: DeskState) {
        var refs: [String] = [], seenRefs = Set<String>()
        var ids: [String] = [], seenIDs = Set<String>()
        func touch(ref: String) { if seenRefs.insert(ref).inserted { refs.append(ref) } }
        func touch(id: String) { if seenIDs.insert(id).inserted { ids.append(id) } }
        for record in records {
            switch record {
            case .message(let message):
                handled.append(message.key)
                for event in message.events {
                    switch event {
                    case .booked(let appointment): touch(ref: appointment.ref)
                    case .cancelled(let ref, _, _, _, _), .rescheduled(let ref, _, _, _, _), .appointmentMarked(let ref, _, _, _):
                        touch(ref: ref)
                    case .monthClosed(let month):
                        if let zone = state.clinic?.zone {
                            let next = month.last.adding(days: 1)
                            monthsClosed.append((zone.instant(month.first, TimeOfDay(minutes: 0)), zone.instant(next, TimeOfDay(minutes: 0))))
                        }
                    default: break
                    }
                }
                for reply in message.replies { touch(id: reply.id) }
                for id in message.bounced ?? [] { touch(id: id) }
                for id in message.forgotOutbox ?? [] { touch(id: id) }
            case .delivered(let delivered): delivered.forEach { touch(id: $0) }
            case .outboxUpdates(let updates): updates.forEach { touch(id: $0.id) }
            case .notices(let notices): notices.messages.forEach { touch(id: $0.id) }
            case .forgotten(let forgotten): forgotten.forEach { touch(id: $0) }
            case .handledTurnedOver(let at): turnedOverAt = at
            case .setup, .endpointsDisabled, .bounceKey, .shelvesScrubbed: break
            }
        }
        handledSince = Array(repeating: state.handledSince ?? 0, count: handled.count)
        appointments = refs.compactMap { state.clinic?.appointment(ref: $0) }
        for id in ids {
            if let message = state.outbox[id] { outbox.append(message) } else { outboxRemoved.append(id) }
        }
    }

    /// Every row of the whole state, for a store moved into an empty database (`caredesk migrate`).
    init(wholeState state: DeskState) {
        let current = state.handledSince ?? 0
        handled = state.handledBefore.sorted() + state.handled.sorted()
        handledSince = Array(repeating: current - 1, count: state.handledBefore.count) + Array(repeating: current, count: state.handled.count)
        appointments = state.clinic?.appointments.values ?? []
        outbox = state.outbox.values.sorted { $0.id < $1.id }
    }

    /// Whether the commit queued messages to hand over (what the other instances' delivery rounds should hear of).
    var queuesWork: Bool { outbox.contains { $0.state == .queued } }

    var isEmpty: Bool {
        appointments.isEmpty && handled.isEmpty && turnedOverAt == nil && outbox.isEmpty && outboxRemoved.isEmpty && monthsClosed.isEmpty
    }

    /// The statements that bring the tables up to date, one per table touched (rows passed as arrays).
    func statements() -> [PostgresQuery] {
        var queries: [PostgresQuery] = []
        if let at = turnedOverAt {
            // The generation before the one just ended is forgotten, as in memory.
            queries.append("""
                DELETE FROM caredesk_handled WHERE since < (SELECT max(since) FROM caredesk_handled WHERE since < \(at))
                """)
        }
        if !handled.isEmpty {
            var binds = PostgresBindings()
            binds.append(handled)
            binds.append(handledSince)
            queries.append(PostgresQuery(unsafeSQL: """
                INSERT INTO caredesk_handled (message_key, since) SELECT * FROM unnest($1::text[], $2::bigint[])
                """, binds: binds))
        }
        if !appointments.isEmpty {
            var binds = PostgresBindings()
            binds.append(appointments.map(\.ref))
            binds.append(appointments.map(\.doctorID))
            binds.append(appointments.map(\.start))
            binds.append(appointments.map(\.end))
            binds.append(appointments.map(\.isActive))
            queries.append(PostgresQuery(unsafeSQL: """
                INSERT INTO caredesk_appointments (ref, doctor_id, during, active)
                SELECT r, d, tstzrange(to_timestamp(s), to_timestamp(e), '[)'), a
                FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::boolean[]) AS t(r, d, s, e, a)
                ON CONFLICT (ref) DO UPDATE SET doctor_id = excluded.doctor_id, during = excluded.during, active = excluded.active
                """, binds: binds))
        }
        if !outbox.isEmpty {
            var binds = PostgresBindings()
            binds.append(outbox.map(\.id))
            binds.append(outbox.map(\.channel.rawValue))
            binds.append(outbox.map(\.state.rawValue))
            binds.append(outbox.map { Int64($0.attempts) })
            binds.append(outbox.map { $0.nextAttemptAt ?? -1 })
            binds.append(outbox.map(\.createdAt))
            queries.append(PostgresQuery(unsafeSQL: """
                INSERT INTO caredesk_outbox (id, channel, state, attempts, next_attempt_at, created_at)
                SELECT i, c, s, a, nullif(n, -1), t FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[])
                    AS u(i, c, s, a, n, t)
                ON CONFLICT (id) DO UPDATE SET state = excluded.state, attempts = excluded.attempts, next_attempt_at = excluded.next_attempt_at,
                    claimed_by = NULL, claimed_until = NULL
                """, binds: binds))
        }
        for month in monthsClosed {
            // Started in the month by the clinic's clock, as the state decided.
            queries.append("""
                DELETE FROM caredesk_appointments WHERE lower(during) >= to_timestamp(\(month.start)) AND lower(during) < to_timestamp(\(month.end))
                """)
        }
        if !outboxRemoved.isEmpty {
            var binds = PostgresBindings()
            binds.append(outboxRemoved)
            queries.append(PostgresQuery(unsafeSQL: "DELETE FROM caredesk_outbox WHERE id = ANY($1::text[])", binds: binds))
        }
        return queries
    }
}
