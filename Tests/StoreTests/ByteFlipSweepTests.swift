import Foundation
import Testing
import Store

/// SQLite-style corruption sweep: for a small store, one byte changed at every offset of the journal
/// and of the snapshot, in turn. Never a crash, never a silent loss: either the store refuses to open
/// (changing nothing) or every committed record is there; and salvage then gives back every record but
/// the damaged one.
@Suite struct ByteFlipSweepTests {
    /// Generation 1 (snapshot-1.json from two records in journal-0.log) and six records in four
    /// commits in journal-1.log.
    private func buildStore(_ dir: URL) throws -> Ledger {
        let store = try JSONStore<Ledger>(directory: dir)
        try add(store, amounts: [100, 200])
        try store.compact()
        for amounts in [[1], [2, 4], [8], [16, 32]] { try add(store, amounts: amounts) }
        return store.state
    }

    /// The amount of the record whose frame holds byte `offset` of the intact journal (0 for a mark).
    private func amountAt(_ offset: Int, in journal: Data) throws -> Int {
        let starts = frames(journal)
        guard let frame = starts.last(where: { $0.offset <= offset }), !frame.isMark else { return 0 }
        let payload = journal.dropFirst(frame.offset + 8).prefix(Int(journal[frame.offset]) | Int(journal[frame.offset + 1]) << 8)
        return try JSONDecoder().decode(Ledger.Record.self, from: Data(payload)).amount
    }

    @Test func everyByteOfTheJournal() throws {
        try withSweepFolder { root in
            let pristine = root.appendingPathComponent("pristine")
            let expected = try buildStore(pristine)
            let intact = try Data(contentsOf: storeFile(pristine, "journal-1.log"))
            let lastMark = frames(intact).last!.offset
            var refused = 0
            for offset in 0..<intact.count {
                for pattern: UInt8 in [0x01, 0xFF] {
                    let (dir, damaged) = try flippedCopy(of: pristine, in: root, file: "journal-1.log", intact: intact, at: offset,
                                                         with: pattern)

                    let report = try JSONStore<Ledger>.check(directory: dir)
                    let inLastMark = offset >= lastMark
                    #expect(report.isWhole == inLastMark, "offset \(offset) ^ \(pattern)")
                    do {
                        let store = try JSONStore<Ledger>(directory: dir)
                        // Only a damaged last commit mark reads as a torn tail: nothing committed is lost.
                        #expect(inLastMark, "opened with byte \(offset) ^ \(pattern) damaged")
                        #expect(store.state == expected, "offset \(offset) ^ \(pattern)")
                        continue
                    } catch let error as StoreError {
                        #expect(error.isDamage, "offset \(offset) ^ \(pattern): \(error)")
                        #expect(try Data(contentsOf: storeFile(dir, "journal-1.log")) == damaged)
                        refused += 1
                    }

                    let salvage = try JSONStore<Ledger>.salvage(directory: dir)
                    #expect(salvage.changed && salvage.losses.count == 1, "offset \(offset) ^ \(pattern)")
                    let lost = try amountAt(offset, in: intact)
                    let salvaged = try JSONStore<Ledger>(directory: dir)
                    #expect(salvaged.state.total == expected.total - lost, "offset \(offset) ^ \(pattern)")
                    #expect(salvaged.state.count == expected.count - (lost == 0 ? 0 : 1), "offset \(offset) ^ \(pattern)")
                    #expect(try JSONStore<Ledger>.check(directory: dir).isWhole)
                    let kept = storeFile(dir, "\(salvage.setAside!)/journal-1.log")
                    #expect(try Data(contentsOf: kept) == damaged)  // the damaged file itself is kept aside
                }
            }
            #expect(refused == 2 * lastMark)
        }
    }

    @Test func everyByteOfTheSnapshotWithTheGenerationBefore() throws {
        try withSweepFolder { root in
            let pristine = root.appendingPathComponent("pristine")
            let expected: Ledger
            do {
                _ = try buildStore(pristine)
                let store = try JSONStore<Ledger>(directory: pristine)
                try store.compact()
                try add(store, amounts: [64])
                expected = store.state
            }
            #expect(try storeFiles(pristine) == ["journal-1.log", "journal-2.log", "snapshot-1.json", "snapshot-2.json"])
            let intact = try Data(contentsOf: storeFile(pristine, "snapshot-2.json"))
            for offset in 0..<intact.count {
                let (dir, damaged) = try flippedCopy(of: pristine, in: root, file: "snapshot-2.json", intact: intact, at: offset, with: 0x01)

                let report = try JSONStore<Ledger>.check(directory: dir)
                #expect(!report.isWhole && report.opens && report.rebuildsNewestSnapshot, "offset \(offset)")
                let store = try JSONStore<Ledger>(directory: dir)
                #expect(store.state == expected, "offset \(offset)")
                #expect(store.notes.count == 1, "offset \(offset)")
                #expect(try Data(contentsOf: storeFile(dir, "snapshot-2.json.bad")) == damaged)
                #expect(try JSONStore<Ledger>(directory: dir).state == expected)
            }
        }
    }

    @Test func everyByteOfTheOnlySnapshot() throws {
        try withSweepFolder { root in
            let pristine = root.appendingPathComponent("pristine")
            _ = try buildStore(pristine)
            try FileManager.default.removeItem(at: storeFile(pristine, "journal-0.log"))
            let intact = try Data(contentsOf: storeFile(pristine, "snapshot-1.json"))
            for offset in 0..<intact.count {
                let (dir, _) = try flippedCopy(of: pristine, in: root, file: "snapshot-1.json", intact: intact, at: offset, with: 0x01)
                let before = try storeFiles(dir)

                #expect(!(try JSONStore<Ledger>.check(directory: dir)).opens, "offset \(offset)")
                #expect(throws: StoreError.self, "offset \(offset)") { _ = try JSONStore<Ledger>(directory: dir) }
                #expect(try storeFiles(dir) == before)
                // Salvage either takes the damaged snapshot as it is, saying so, or says it cannot.
                do {
                    let salvage = try JSONStore<Ledger>.salvage(directory: dir)
                    #expect(salvage.warnings.count == 1, "offset \(offset)")
                    _ = try JSONStore<Ledger>(directory: dir)
                } catch let error as StoreError {
                    #expect(error.isDamage, "offset \(offset)")
                }
            }
        }
    }
}

/// `root/flip`, a fresh copy of `pristine`'s store whose `file` is `intact` with byte `offset` XORed with
/// `pattern`; and those damaged bytes.
private func flippedCopy(of pristine: URL, in root: URL, file: String, intact: Data, at offset: Int, with pattern: UInt8) throws
    -> (URL, Data) {
    let dir = root.appendingPathComponent("flip")
    try? FileManager.default.removeItem(at: dir)
    try copyStore(from: pristine, to: dir)
    var damaged = intact
    damaged[offset] ^= pattern
    try damaged.write(to: storeFile(dir, file))
    return (dir, damaged)
}

/// A fresh folder for a sweep, in memory where the machine has /dev/shm (thousands of fsyncs).
private func withSweepFolder(_ body: (URL) throws -> Void) throws {
    let base = FileManager.default.fileExists(atPath: "/dev/shm") ? URL(fileURLWithPath: "/dev/shm") : FileManager.default.temporaryDirectory
    let url = base.appendingPathComponent("caredesk-sweep-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    try body(url)
}
