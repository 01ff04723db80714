import Foundation
import Testing
import Store

/// Two stores on one folder stand for the spool processor and the server:
/// each transaction catches up with the other's commits and compactions.
@Suite struct SharedFolderTests {
    @Test func interleavedInstancesSeeEachOther() throws {
        try withTemporaryFolder { dir in
            let a = try JSONStore<Ledger>(directory: dir)
            let b = try JSONStore<Ledger>(directory: dir)
            try add(a, writer: "a", amounts: Array(repeating: 1, count: 10))
            try add(b, writer: "b", amounts: Array(repeating: 2, count: 5))
            #expect(b.state.count == 15 && b.state.total == 20)
            #expect(a.state.count == 10)  // not caught up until its next lock
            try a.refresh()
            #expect(a.state == b.state)

            try add(a, writer: "a", amounts: [3])
            try b.compact()  // catches up with a's record first
            #expect(b.generation == 1 && b.state.count == 16)

            try add(a, writer: "a", amounts: [4, 4])
            #expect(a.generation == 1)
            #expect(a.recordsSinceSnapshot == 2)
            #expect(a.state.count == 18 && a.state.total == 31)

            try add(b, writer: "b", amounts: [5])
            #expect(b.recordsSinceSnapshot == 3)
            try a.compact()
            try add(b, writer: "b", amounts: [6])
            #expect(b.generation == 2 && b.recordsSinceSnapshot == 1)
            #expect(try storeFiles(dir) == ["journal-1.log", "journal-2.log", "snapshot-1.json", "snapshot-2.json"])

            try a.refresh()
            #expect(a.state == b.state)
            let fresh = try JSONStore<Ledger>(directory: dir)
            #expect(fresh.state == b.state)
            #expect(fresh.state.count == 20 && fresh.state.total == 42)
            #expect(fresh.state.misordered == 0 && fresh.state.gaps == 0)
        }
    }

    @Test func compactIfDueDefersToAnotherInstancesCompaction() throws {
        try withTemporaryFolder { dir in
            let a = try JSONStore<Ledger>(directory: dir, compactEvery: 10)
            let b = try JSONStore<Ledger>(directory: dir, compactEvery: 10)
            try add(a, amounts: Array(repeating: 1, count: 12))
            try b.refresh()
            try a.compactIfDue()
            #expect(a.generation == 1)
            #expect(b.recordsSinceSnapshot == 12)  // stale until it locks
            try b.compactIfDue()  // catches up: nothing due any more
            #expect(b.generation == 1 && b.recordsSinceSnapshot == 0)
            #expect(try storeFiles(dir) == ["journal-0.log", "journal-1.log", "snapshot-1.json"])
        }
    }

    /// Two threads, each with its own store on the same folder, commit and
    /// compact concurrently; flock serialises them. Every record was made
    /// from a fully caught-up state, and nothing is lost or duplicated.
    @Test func concurrentWritersWithCompaction() throws {
        try withTemporaryFolder { dir in
            let writers = ["spool", "server"]
            let transactions = 120
            let failures = Locked<[String]>([])
            let finalCounts = Locked<[Int]>([])
            DispatchQueue.concurrentPerform(iterations: writers.count) { index in
                do {
                    let store = try JSONStore<Ledger>(directory: dir, compactEvery: 37)
                    for i in 0..<transactions {
                        try add(store, writer: writers[index], amounts: Array(repeating: 1, count: 1 + i % 3))
                        try store.compactIfDue()
                    }
                    finalCounts.update { $0.append(store.state.count) }
                } catch {
                    failures.update { $0.append("\(writers[index]): \(error)") }
                }
            }
            #expect(failures.current.isEmpty)
            let perWriter = (0..<transactions).reduce(0) { $0 + 1 + $1 % 3 }
            let state = try JSONStore<Ledger>(directory: dir).state
            #expect(state.count == 2 * perWriter)
            #expect(state.total == 2 * perWriter)
            #expect(state.misordered == 0)
            #expect(state.gaps == 0)
            #expect(state.lastSeq == ["spool": perWriter, "server": perWriter])
            #expect(finalCounts.current.max() == 2 * perWriter)
        }
    }
}
