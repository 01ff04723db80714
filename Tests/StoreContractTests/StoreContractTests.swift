import Clinic
import Desk
import Foundation
import Store
import Testing

/// What every store promises the desk (see `StateStore`), checked on the journal and on PostgreSQL alike.
@Suite(.serialized) struct StoreContractTests {
    @Test(arguments: StoreKind.allCases)
    func committedRecordsAreThereOnReopening(_ kind: StoreKind) throws {
        let place = try StorePlace.fresh(kind, "reopen")
        let store = try place.open()
        try Records.commit([Records.setup] + (0..<20).map { Records.booking($0) }, to: store)
        #expect(store.state.clinic?.appointments.count == 20)
        let again = try place.open()
        #expect(try Records.snapshotBytes(again) == Records.snapshotBytes(store))
        #expect(again.state.hasHandled("message-7"))
    }

    @Test(arguments: StoreKind.allCases)
    func aSecondInstanceDecidesOnWhatTheFirstCommitted(_ kind: StoreKind) throws {
        let place = try StorePlace.fresh(kind, "two")
        let first = try place.open(), second = try place.open()
        try Records.commit([Records.setup, Records.booking(1)], to: first)
        // The second instance has not looked yet; inside its next commit it sees the booking.
        #expect(second.state.clinic == nil)
        let seen = try second.update { state -> ([DeskRecord], Bool) in
            ([], state.hasHandled("message-1") && state.clinic?.appointment(ref: "R0001") != nil)
        }
        #expect(seen)
        try Records.commit([Records.booking(2)], to: second)
        try first.refresh()
        #expect(first.state.clinic?.appointments.count == 2)
        #expect(try Records.snapshotBytes(first) == Records.snapshotBytes(second))
    }

    struct Refused: Error {}

    @Test(arguments: StoreKind.allCases)
    func aBodyThatThrowsCommitsNothingAndLeavesTheStateAsCommitted(_ kind: StoreKind) throws {
        let place = try StorePlace.fresh(kind, "throw")
        let store = try place.open()
        try Records.commit([Records.setup], to: store)
        let before = try Records.snapshotBytes(store)
        #expect(throws: Refused.self) {
            try store.update { state -> ([DeskRecord], Void) in
                state.apply(Records.booking(1))  // changed in place, then refused
                throw Refused()
            }
        }
        #expect(try Records.snapshotBytes(store) == before)
        #expect(try Records.snapshotBytes(try place.open()) == before)
    }

    @Test(arguments: StoreKind.allCases)
    func compactingNeverChangesTheState(_ kind: StoreKind) throws {
        let place = try StorePlace.fresh(kind, "compact")
        let store = try place.open(compactEvery: 10)
        try Records.commit([Records.setup], to: store)
        for n in 0..<35 {
            try Records.commit([Records.booking(n)], to: store)
            try store.compactIfDue()
        }
        let live = try Records.snapshotBytes(store)
        #expect(try Records.snapshotBytes(try place.open()) == live)
        try store.compact()
        #expect(try Records.snapshotBytes(try place.open()) == live)
    }

    @Test(arguments: StoreKind.allCases)
    func forgettingEarlierLeavesNoEarlierRecord(_ kind: StoreKind) throws {
        let place = try StorePlace.fresh(kind, "forget")
        let store = try place.open()
        try Records.commit([Records.setup] + (0..<5).map { Records.booking($0, key: "secret-key-\($0)") }, to: store)
        try store.compact()
        try Records.commit([Records.booking(9)], to: store)
        try store.compactForgettingEarlier()
        #expect(try Records.snapshotBytes(try place.open()) == Records.snapshotBytes(store))
        switch kind {
        case .journal:
            let files = try FileManager.default.contentsOfDirectory(atPath: place.folder.appendingPathComponent("store").path)
            #expect(files.filter { $0.hasPrefix("snapshot-") || $0.hasPrefix("journal-") }.count == 2, "\(files)")
        case .postgres:
            #expect(try place.sql("SELECT count(*) FROM caredesk_log") == "0")
            #expect(try place.sql("SELECT count(*) FROM caredesk_snapshots") == "1")
        }
    }

    @Test(arguments: StoreKind.allCases)
    func anInstanceFarBehindCatchesUpAfterOthersCompactedItsRecordsAway(_ kind: StoreKind) throws {
        let place = try StorePlace.fresh(kind, "behind")
        let writer = try place.open(compactEvery: 5)
        try Records.commit([Records.setup], to: writer)
        let behind = try place.open()
        for n in 0..<23 {
            try Records.commit([Records.booking(n)], to: writer)
            try writer.compactIfDue()
        }
        let count = try behind.update { state -> ([DeskRecord], Int) in ([], state.clinic?.appointments.count ?? -1) }
        #expect(count == 23)
        #expect(try Records.snapshotBytes(behind) == Records.snapshotBytes(writer))
    }

    @Test(arguments: StoreKind.allCases)
    func twoWritersAtOnceLoseNothing(_ kind: StoreKind) throws {
        let place = try StorePlace.fresh(kind, "race")
        let setup = try place.open()
        try Records.commit([Records.setup], to: setup)
        let places = [place, place]
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            // Each thread its own instance, as two processes would have.
            guard let store = try? places[writer].open() else { return }
            for n in 0..<60 {
                let slot = writer * 100 + n
                _ = try? store.update { state -> ([DeskRecord], Void) in
                    state.apply(Records.booking(slot))
                    return ([Records.booking(slot)], ())
                }
            }
        }
        let reopened = try place.open()
        #expect(reopened.state.clinic?.appointments.count == 120)
        #expect((0..<60).allSatisfy { reopened.state.hasHandled("message-\($0)") && reopened.state.hasHandled("message-\(100 + $0)") })
    }
}
