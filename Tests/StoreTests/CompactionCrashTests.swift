import Foundation
import Testing
import Store

/// Compaction writes snapshot-<g+1>.json via a temp file and rename, creates
/// journal-<g+1>.log, then deletes generation g (snapshot, then journal).
/// Each test rebuilds the folder as a crash between two of those steps would
/// leave it, from real files, and reopens it.
@Suite struct CompactionCrashTests {
    private struct Scenario {
        var before: URL  // folder just before compacting generation `from`
        var after: URL  // the same folder after a complete compaction
        var expected: Ledger
        var from: Int
    }

    /// Builds generation `from` with records in its journal, copies it, then
    /// compacts the original.
    private func withScenario(from: Int, _ body: (Scenario, URL) throws -> Void) throws {
        try withTemporaryFolder { root in
            let after = root.appendingPathComponent("after")
            let before = root.appendingPathComponent("before")
            let store = try JSONStore<Ledger>(directory: after)
            try add(store, amounts: [1, 2])
            for _ in 0..<from {
                try store.compact()
                try add(store, amounts: [3])
            }
            #expect(store.generation == from)
            try copyStore(from: after, to: before)
            try store.compact()
            #expect(store.generation == from + 1)
            let scenario = Scenario(before: before, after: after, expected: store.state, from: from)
            try body(scenario, root.appendingPathComponent("crashed"))
        }
    }

    private func copyFile(_ name: String, from: URL, to: URL) throws {
        try FileManager.default.copyItem(at: storeFile(from, name), to: storeFile(to, name))
    }

    /// Reopens `crashed`, checks state, generation and leftovers, then
    /// commits and reopens once more.
    /// What stays is generation `generation` and whatever of the generation before it was there (it
    /// rebuilds a damaged newest snapshot); anything older and any temporary file is removed.
    private func expectRecovers(_ crashed: URL, _ scenario: Scenario, generation: Int) throws {
        let previous = Set(["journal-\(generation - 1).log", "snapshot-\(generation - 1).json"]).intersection(try storeFiles(crashed))
        let store = try JSONStore<Ledger>(directory: crashed)
        #expect(store.state == scenario.expected)
        #expect(store.generation == generation)
        let snapshot = generation == 0 ? [] : ["snapshot-\(generation).json"]
        #expect(try storeFiles(crashed) == (["journal-\(generation).log"] + snapshot + previous).sorted())
        try add(store, amounts: [50])
        let again = try JSONStore<Ledger>(directory: crashed)
        #expect(again.state.total == scenario.expected.total + 50)
        #expect(again.state.misordered == 0)
    }

    @Test(arguments: [0, 1])
    func temporarySnapshotLeftBehind(from: Int) throws {
        try withScenario(from: from) { scenario, crashed in
            try copyStore(from: scenario.before, to: crashed)
            let full = try Data(contentsOf: storeFile(scenario.after, "snapshot-\(from + 1).json"))
            try full.prefix(full.count / 2).write(to: storeFile(crashed, "snapshot-\(from + 1).json.tmp"))
            try expectRecovers(crashed, scenario, generation: from)
        }
    }

    @Test(arguments: [0, 1])
    func snapshotRenamedJournalNotCreated(from: Int) throws {
        try withScenario(from: from) { scenario, crashed in
            try copyStore(from: scenario.before, to: crashed)
            try copyFile("snapshot-\(from + 1).json", from: scenario.after, to: crashed)
            try expectRecovers(crashed, scenario, generation: from + 1)
        }
    }

    @Test(arguments: [0, 1])
    func oldGenerationNotDeleted(from: Int) throws {
        try withScenario(from: from) { scenario, crashed in
            try copyStore(from: scenario.before, to: crashed)
            try copyFile("snapshot-\(from + 1).json", from: scenario.after, to: crashed)
            try copyFile("journal-\(from + 1).log", from: scenario.after, to: crashed)
            try expectRecovers(crashed, scenario, generation: from + 1)
        }
    }

    @Test func oldSnapshotDeletedOldJournalNot() throws {
        try withScenario(from: 1) { scenario, crashed in
            try copyStore(from: scenario.before, to: crashed)
            try FileManager.default.removeItem(at: storeFile(crashed, "snapshot-1.json"))
            try copyFile("snapshot-2.json", from: scenario.after, to: crashed)
            try copyFile("journal-2.log", from: scenario.after, to: crashed)
            try expectRecovers(crashed, scenario, generation: 2)
        }
    }

    // MARK: snapshots that do not decode

    @Test func undecodableNewestSnapshotIsRebuiltFromTheGenerationBefore() throws {
        try withScenario(from: 1) { scenario, crashed in
            try copyStore(from: scenario.before, to: crashed)
            try Data("{\"total\":".utf8).write(to: storeFile(crashed, "snapshot-2.json"))
            try copyFile("journal-2.log", from: scenario.after, to: crashed)
            let store = try JSONStore<Ledger>(directory: crashed)
            #expect(store.state == scenario.expected)
            #expect(store.generation == 2)
            #expect(store.notes.contains { $0.contains("snapshot-2.json is damaged") })
            #expect(try storeFiles(crashed) == ["journal-1.log", "journal-2.log", "snapshot-1.json", "snapshot-2.json", "snapshot-2.json.bad"])
            #expect(try JSONStore<Ledger>(directory: crashed).state == scenario.expected)  // the rebuilt snapshot is whole
        }
    }

    @Test func undecodableSnapshotWithRecordsOnTopIsRebuiltWithThem() throws {
        try withScenario(from: 1) { scenario, crashed in
            let expected: Ledger
            do {
                let store = try JSONStore<Ledger>(directory: scenario.after)
                try add(store, amounts: [9])
                expected = store.state
            }
            try copyStore(from: scenario.before, to: crashed)
            try Data("{}".utf8).write(to: storeFile(crashed, "snapshot-2.json"))
            try copyFile("journal-2.log", from: scenario.after, to: crashed)
            let store = try JSONStore<Ledger>(directory: crashed)
            #expect(store.state == expected)
            #expect(store.state.misordered == 0 && store.state.gaps == 0)
        }
    }

    @Test func undecodableSnapshotWithoutTheGenerationBeforeIsAnError() throws {
        try withScenario(from: 1) { scenario, _ in
            do {
                let store = try JSONStore<Ledger>(directory: scenario.after)
                try add(store, amounts: [9])
            }
            try FileManager.default.removeItem(at: storeFile(scenario.after, "journal-1.log"))
            try Data("{}".utf8).write(to: storeFile(scenario.after, "snapshot-2.json"))
            let before = try storeFiles(scenario.after)
            #expect {
                _ = try JSONStore<Ledger>(directory: scenario.after)
            } throws: { error in
                (error as? StoreError)?.description.contains("snapshot-2.json is damaged") == true
            }
            #expect(try storeFiles(scenario.after) == before)  // refusing changes nothing
        }
    }

    @Test func recordsInAJournalNewerThanAnySnapshotAreAnError() throws {
        try withScenario(from: 1) { scenario, crashed in
            try copyStore(from: scenario.before, to: crashed)
            try FileManager.default.copyItem(at: storeFile(crashed, "journal-1.log"), to: storeFile(crashed, "journal-5.log"))
            #expect {
                _ = try JSONStore<Ledger>(directory: crashed)
            } throws: { error in
                (error as? StoreError)?.description.contains("journal-5.log holds records") == true
            }
        }
    }

    @Test func undecodableOnlySnapshotIsAnErrorNotAnEmptyStore() throws {
        try withScenario(from: 1) { scenario, _ in
            try FileManager.default.removeItem(at: storeFile(scenario.after, "journal-1.log"))
            try FileManager.default.removeItem(at: storeFile(scenario.after, "snapshot-1.json"))
            try Data("garbage".utf8).write(to: storeFile(scenario.after, "snapshot-2.json"))
            #expect(throws: StoreError.self) {
                _ = try JSONStore<Ledger>(directory: scenario.after)
            }
        }
    }
}
