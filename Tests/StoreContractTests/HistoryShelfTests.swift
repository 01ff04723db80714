import Clinic
import Desk
import Foundation
import Store
import Testing

/// The history shelf every store keeps beside its log, and a closed month as the store replays it, on the
/// journal and on PostgreSQL alike.
@Suite(.serialized) struct HistoryShelfTests {
    static func row(_ shelf: String, _ owner: String, _ text: String) -> ShelvedRow {
        ShelvedRow(shelf: shelf, owner: owner, bytes: Data(text.utf8))
    }

    @Test(arguments: StoreKind.allCases)
    func aShelfIsPutAwayWholeReadByOwnerAndRewrittenForOneOwner(_ kind: StoreKind) throws {
        let place = try StorePlace.fresh(kind, "shelf")
        let shelf = try place.open().shelf
        try shelf.shelve("2025-01", rows: [Self.row("2025-01", "P1", "a"), Self.row("2025-01", "P2", "b")])
        try shelf.shelve("2025-02", rows: [Self.row("2025-02", "P1", "c")])
        // Putting the same shelf away again replaces it (a crash between shelving and committing).
        try shelf.shelve("2025-01", rows: [Self.row("2025-01", "P1", "a2"), Self.row("2025-01", "P2", "b")])
        #expect(try shelf.rows(of: "P1") == [Self.row("2025-01", "P1", "a2"), Self.row("2025-02", "P1", "c")])
        try shelf.replaceRows(of: "P1", with: [Self.row("2025-01", "P1", "scrubbed"), Self.row("2025-02", "P1", "scrubbed")])
        #expect(try shelf.rows(of: "P1").map { String(decoding: $0.bytes, as: UTF8.self) } == ["scrubbed", "scrubbed"])
        #expect(try shelf.rows(of: "P2") == [Self.row("2025-01", "P2", "b")], "another owner's row is left alone")
        #expect(try place.open().shelf.allRows().count == 3, "durable: another instance reads it")
    }

    @Test(arguments: StoreKind.allCases)
    func aClosedMonthLeavesMemoryAndReplaysToTheSameState(_ kind: StoreKind) throws {
        let place = try StorePlace.fresh(kind, "closing")
        let store = try place.open()
        try Records.commit([Records.setup] + (0..<6).map { Records.booking($0) }, to: store)
        let month = YearMonth(year: 2026, month: 3)
        let before = store.state.clinic!.hospitalMonth(month)
        try Records.commit([.message(HandledMessage(key: "closing 2026-03", events: [.monthClosed(month)], replies: []))], to: store)
        #expect(store.state.clinic?.appointments.count == 0)
        #expect(store.state.clinic?.hospitalMonth(month) == before, "the month's report is kept as it stood")
        let again = try place.open()
        #expect(again.state.clinic?.appointments.count == 0 && again.state.clinic?.closedMonths[month]?.hospital == before)
        #expect(try Records.snapshotBytes(again) == Records.snapshotBytes(store))
        if kind == .postgres {
            #expect(try place.sql("SELECT count(*) FROM caredesk_appointments") == "0", "the table lets the closed month go with the state")
        }
    }
}
