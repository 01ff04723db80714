import Clinic
import Desk
import DeskDatabase
import Foundation
import Logging
import Store
import Testing

/// What the database itself holds true beside the log, whatever a writer does: no doctor with two active
/// appointments that overlap, each message id once; and a schema made once, a migration into a full database refused.
@Suite(.serialized) struct PostgresTablesTests {
    func setUp(_ name: String) throws -> (StorePlace, any StateStore<DeskState>) {
        let place = try StorePlace.fresh(.postgres, name)
        let store = try place.open()
        try Records.commit([Records.setup], to: store)
        return (place, store)
    }

    @Test func anOverlappingActiveAppointmentIsRefusedByTheDatabaseAndNamedAsTaken() throws {
        let (place, store) = try setUp("exclude")
        // Another writer, not through the log: the state cannot know of it.
        let start: Int64 = 1_772_425_800 + 3 * 1800
        try place.sql("INSERT INTO caredesk_appointments VALUES ('OTHER', 'rao', tstzrange(to_timestamp(\(start + 600)), to_timestamp(\(start + 2400)), '[)'), true)")
        let refused = #expect(throws: IntervalsTaken.self) {
            try Records.commit([Records.booking(3)], to: store)
        }
        #expect(refused?.intervals == [.init(owner: "rao", start: start, end: start + 1800)])
        #expect(store.state.clinic?.appointments.count == 0)
        #expect(try place.sql("SELECT count(*) FROM caredesk_log") == "1", "nothing of the refused commit is in the log")
        // An inactive one there does not stand in the way; neither does a slot that only touches it.
        try place.sql("UPDATE caredesk_appointments SET active = false WHERE ref = 'OTHER'")
        try Records.commit([Records.booking(3), Records.booking(4)], to: store)
        #expect(try place.sql("SELECT string_agg(ref, ',' ORDER BY ref) FROM caredesk_appointments WHERE active") == "R0003,R0004")
    }

    @Test func aCancelledSlotIsFreeInTheTableAsInTheState() throws {
        let (place, store) = try setUp("cancel")
        try Records.commit([Records.booking(1)], to: store)
        let cancel = DeskRecord.message(HandledMessage(key: "cancel-1", events: [
            .cancelled(ref: "R0001", status: .cancelledByPatient, at: 1_772_400_000, by: "P1", reason: nil)], replies: []))
        try Records.commit([cancel], to: store)
        #expect(try place.sql("SELECT active FROM caredesk_appointments WHERE ref = 'R0001'") == "f")
    }

    @Test func aMessageIdTheTableHoldsIsNotCommittedTwice() throws {
        let (place, store) = try setUp("handled")
        try place.sql("INSERT INTO caredesk_handled VALUES ('message-5', 0)")
        #expect(throws: DatabaseError.self) {
            try Records.commit([Records.booking(5)], to: store)
        }
        #expect(!store.state.hasHandled("message-5"))
        #expect(try place.sql("SELECT count(*) FROM caredesk_log") == "1")
    }

    @Test func theSchemaIsMadeOnceAndMigrationRefusesAFullDatabase() throws {
        let (place, store) = try setUp("schema")
        #expect(try PostgresDeskStore.prepare(url: place.database!, logger: Logger(label: "t")).isEmpty)
        #expect(try place.sql("SELECT string_agg(version::text, ',') FROM caredesk_schema") == "1,2")
        #expect(throws: DatabaseError.self) {
            _ = try PostgresDeskStore.migrate(store.state, to: place.database!, logger: Logger(label: "t"))
        }
        #expect(try place.sql("SELECT count(*) FROM caredesk_snapshots") == "0")
    }

    @Test func aStoreMovedIntoAnEmptyDatabaseOpensAsTheSameState() throws {
        let journal = try StorePlace.fresh(.journal, "move")
        let source = try journal.open()
        try Records.commit([Records.setup] + (0..<12).map { Records.booking($0) }, to: source)
        try source.shelf.shelve("2025-01", rows: [ShelvedRow(shelf: "2025-01", owner: "P1", bytes: Data("closed".utf8))])
        let target = try StorePlace.fresh(.postgres, "moved")
        let moved = try PostgresDeskStore.migrate(source.state, shelved: try source.shelf.allRows(), to: target.database!, logger: Logger(label: "t"))
        #expect(moved.appointments == 12 && moved.handled == 12 && moved.shelved == 1)
        #expect(try target.open().shelf.rows(of: "P1") == source.shelf.rows(of: "P1"), "the history shelf moves too")
        let opened = try target.open()
        #expect(try Records.snapshotBytes(opened) == Records.snapshotBytes(source))
        #expect(try target.sql("SELECT count(*) FROM caredesk_appointments WHERE active") == "12")
        #expect(try target.sql("SELECT count(*) FROM caredesk_handled") == "12")
        // And it goes on from there.
        try Records.commit([Records.booking(40)], to: opened)
        #expect(try target.open().state.clinic?.appointments.count == 13)
    }

    @Test func deliveryRoundsOnSeveralInstancesClaimEachMessageOnceAndAgainWhenTheLeaseRunsOut() throws {
        let (place, store) = try setUp("claims")
        let now: Int64 = 1_772_422_200
        try store.update { state -> ([DeskRecord], Void) in
            let records = (0..<50).map { n in
                DeskRecord.message(HandledMessage(key: "inbound-\(n)", events: [], replies: [
                    OutboxMessage(id: String(format: "reply-%02d", n), envelopeFrom: "", recipients: ["p\(n)@example.in"],
                                  data: "Subject: hello\r\n\r\nhello\r\n", createdAt: now - 100 + Int64(n))]))
            }
            records.forEach { state.apply($0) }
            return (records, ())
        }
        let first = try place.open(), second = try place.open()
        nonisolated(unsafe) let stores = [first, second]  // each thread uses its own one
        let claimed = ClaimsSeen()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            claimed.add((try? stores[i].claimOutbox(dueAt: now, limit: 30, until: now + 60)) ?? nil)
        }
        #expect(claimed.all.count == 50 && Set(claimed.all).count == 50, "each message to one instance: \(claimed.all.count)")
        #expect(try first.claimOutbox(dueAt: now + 30, limit: 100, until: now + 90) == [], "nothing claimed twice while the leases hold")
        // An attempt's result clears its claim; a claim whose instance died runs out.
        let updates = (0..<10).map { OutboxUpdate(id: String(format: "reply-%02d", $0), state: .sent, at: now, attempts: 1) }
        try Records.commit([.outboxUpdates(updates)], to: first)
        let again = try second.claimOutbox(dueAt: now + 61, limit: 100, until: now + 120)
        #expect(again?.count == 40 && again?.first == "reply-10", "\(again ?? [])")
    }
}

/// Claims two threads made, gathered under a lock.
final class ClaimsSeen: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [String] = []

    func add(_ claimed: [String]?) { lock.withLock { ids += claimed ?? [] } }
    var all: [String] { lock.withLock { ids } }
}
