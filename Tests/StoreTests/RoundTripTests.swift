import Foundation
import Testing
import Store

@Suite struct RoundTripTests {
    @Test func emptyStoreOpensWithEmptyState() throws {
        try withTemporaryFolder { dir in
            let store = try JSONStore<Ledger>(directory: dir)
            #expect(store.state == Ledger())
            #expect(store.generation == 0)
            #expect(store.recordsSinceSnapshot == 0)
            #expect(store.directory == dir)
            #expect(try storeFiles(dir) == ["journal-0.log"])
        }
    }

    @Test func commitsSurviveReopen() throws {
        try withTemporaryFolder { dir in
            let expected: Ledger
            do {
                let store = try JSONStore<Ledger>(directory: dir)
                try add(store, amounts: [1, 2, 3])
                try add(store, amounts: [10])
                try add(store, writer: "other", amounts: Array(repeating: 5, count: 200))
                expected = store.state
                #expect(expected.count == 204 && expected.total == 1016)
                #expect(store.recordsSinceSnapshot == 204)
            }
            let reopened = try JSONStore<Ledger>(directory: dir)
            #expect(reopened.state == expected)
            #expect(reopened.recordsSinceSnapshot == 204)
            #expect(reopened.state.misordered == 0 && reopened.state.gaps == 0)
        }
    }

    @Test func recordsAfterSnapshotAreReplayed() throws {
        try withTemporaryFolder { dir in
            let expected: Ledger
            do {
                let store = try JSONStore<Ledger>(directory: dir)
                try add(store, amounts: [1, 2, 3])
                try store.compact()
                #expect(store.generation == 1)
                #expect(store.recordsSinceSnapshot == 0)
                try add(store, amounts: [4, 5])
                expected = store.state
            }
            // generation 0's journal stays beside generation 1: it rebuilds snapshot-1.json should that be damaged
            #expect(try storeFiles(dir) == ["journal-0.log", "journal-1.log", "snapshot-1.json"])
            let reopened = try JSONStore<Ledger>(directory: dir)
            #expect(reopened.state == expected)
            #expect(reopened.state.total == 15)
            #expect(reopened.generation == 1)
            #expect(reopened.recordsSinceSnapshot == 2)
        }
    }

    @Test func transactionReturnsBodyResultAndEmptyBatchWritesNothing() throws {
        try withTemporaryFolder { dir in
            let store = try JSONStore<Ledger>(directory: dir)
            try add(store, amounts: [7])
            let journal = storeFile(dir, "journal-0.log")
            let size = try Data(contentsOf: journal).count
            let seen = try store.transaction { state in ([Ledger.Record](), state.total) }
            #expect(seen == 7)
            #expect(try Data(contentsOf: journal).count == size)
        }
    }

    @Test func throwingBodyCommitsNothingAndReleasesTheLock() throws {
        struct Refused: Error {}
        try withTemporaryFolder { dir in
            let store = try JSONStore<Ledger>(directory: dir)
            try add(store, amounts: [1])
            #expect(throws: Refused.self) {
                try store.transaction { _ -> (records: [Ledger.Record], result: Void) in throw Refused() }
            }
            #expect(store.state.count == 1)
            try add(store, amounts: [2])  // would hang if the lock were still held
            let other = try JSONStore<Ledger>(directory: dir)
            #expect(other.state.total == 3)
        }
    }

    @Test func compactIfDueKeepsTheNewestGenerationAndTheOneBefore() throws {
        try withTemporaryFolder { dir in
            let store = try JSONStore<Ledger>(directory: dir, compactEvery: 10)
            for i in 1...25 {
                try add(store, amounts: [i])
                try store.compactIfDue()
            }
            #expect(store.generation == 2)
            #expect(store.recordsSinceSnapshot == 5)
            #expect(try storeFiles(dir) == ["journal-1.log", "journal-2.log", "snapshot-1.json", "snapshot-2.json"])
            let reopened = try JSONStore<Ledger>(directory: dir, compactEvery: 10)
            #expect(reopened.state == store.state)
            #expect(reopened.state.total == 325)
        }
    }

    /// A state with its own snapshot encoding (a versioned wrapper here).
    struct Tally: StoreState, Equatable {
        var values: [Int] = []
        mutating func apply(_ record: Int) { values.append(record) }

        private struct Wire: Codable { var version: Int; var values: [Int] }
        func snapshotData() throws -> Data { try JSONEncoder().encode(Wire(version: 7, values: values)) }
        init() {}
        init(snapshotData: Data) throws { values = try JSONDecoder().decode(Wire.self, from: snapshotData).values }
    }

    @Test func customSnapshotEncodingIsUsed() throws {
        try withTemporaryFolder { dir in
            do {
                let store = try JSONStore<Tally>(directory: dir)
                try store.transaction { _ in ([1, 2, 3], ()) }
                try store.compact()
                try store.transaction { _ in ([4], ()) }
            }
            let snapshot = try String(contentsOf: storeFile(dir, "snapshot-1.json"), encoding: .utf8)
            #expect(snapshot.contains("\"version\":7"))
            let reopened = try JSONStore<Tally>(directory: dir)
            #expect(reopened.state.values == [1, 2, 3, 4])
        }
    }

    @Test func undecodableRecordIsAnErrorNotATornTail() throws {
        struct Strict: StoreState {
            var names: [String] = []
            mutating func apply(_ record: String) { names.append(record) }
        }
        try withTemporaryFolder { dir in
            do {
                let store = try JSONStore<Ledger>(directory: dir)
                try add(store, amounts: [1])
            }
            // Valid checksum, wrong type: a schema mismatch must not be skipped silently.
            #expect {
                _ = try JSONStore<Strict>(directory: dir)
            } throws: { error in
                (error as? StoreError)?.description.contains("does not decode") == true
            }
        }
    }
}
