import Foundation
import Testing
import Store

/// A crash mid-append leaves a torn tail: it is ignored on read and cut off before the next append,
/// never interpreted. Damage to committed bytes is not a torn tail: every commit ends with a commit
/// mark, so a damaged record, even the last one, has a valid frame after it, and the store refuses to
/// open instead of dropping it and what follows.
@Suite struct TornTailTests {
    private func journal(_ dir: URL) -> URL { storeFile(dir, "journal-0.log") }

    /// Three commits of one record each: [record, mark] × 3.
    private func threeCommits(_ dir: URL) throws -> Data {
        let store = try JSONStore<Ledger>(directory: dir)
        try add(store, amounts: [1])
        try add(store, amounts: [2])
        try add(store, amounts: [4])
        let data = try Data(contentsOf: journal(dir))
        #expect(frames(data).map(\.isMark) == [false, true, false, true, false, true])
        return data
    }

    /// Damages the journal of three commits, reopens, commits one more, and checks the result against
    /// `survivors` (how many of the three records stay) and `keptBytes` (the valid prefix kept).
    private func tear(survivors: Int, _ corrupt: (URL, Data) throws -> Int) throws {
        try withTemporaryFolder { dir in
            let intact = try threeCommits(dir)
            let keptBytes = try corrupt(journal(dir), intact)

            let reopened = try JSONStore<Ledger>(directory: dir)
            #expect(reopened.state.count == survivors)
            #expect(reopened.state.total == [0, 1, 3, 7][survivors])
            #expect(reopened.notes.contains { $0.contains("torn tail") })

            try add(reopened, amounts: [100])
            let after = try Data(contentsOf: journal(dir))
            // The tail is gone: valid prefix + exactly one new commit (a record and its mark).
            #expect(after.prefix(keptBytes) == intact.prefix(keptBytes))
            #expect(frames(after).count == frames(intact.prefix(keptBytes)).count + 2)
            #expect(frameOffsets(after).last == after.count)

            let again = try JSONStore<Ledger>(directory: dir)
            #expect(again.state == reopened.state)
            #expect(again.state.count == survivors + 1)
            #expect(again.state.misordered == 0)
        }
    }

    /// Damages the journal of three commits and expects the store to refuse to open, naming the offset,
    /// with the file left exactly as it was.
    private func refuses(at expectedOffset: (Data) -> Int, _ corrupt: (inout Data) -> Void) throws {
        try withTemporaryFolder { dir in
            var data = try threeCommits(dir)
            corrupt(&data)
            try data.write(to: journal(dir))
            let offset = expectedOffset(data)
            #expect {
                _ = try JSONStore<Ledger>(directory: dir)
            } throws: { error in
                guard let error = error as? StoreError else { return false }
                return error.isDamage && error.description.contains("journal-0.log is damaged at byte \(offset):")
            }
            #expect(try Data(contentsOf: journal(dir)) == data)
        }
    }

    @Test func garbageAppended() throws {
        try tear(survivors: 3) { url, intact in
            try appendBytes(Array(String(repeating: "GARBAGE-MARKER not a frame at all ", count: 20).utf8), to: url)
            return intact.count
        }
    }

    @Test func halfOfTheLastRecord() throws {
        try tear(survivors: 2) { url, intact in
            let lastRecord = recordOffsets(intact)[2]
            try intact.prefix(lastRecord + 12).write(to: url)
            return lastRecord
        }
    }

    @Test func theLastRecordWithoutItsMark() throws {
        // Whole records of a batch whose mark did not land are kept, as they always were: each is valid.
        try tear(survivors: 3) { url, intact in
            let lastMark = frames(intact)[5].offset
            try intact.prefix(lastMark + 5).write(to: url)
            return lastMark
        }
    }

    @Test func partialHeader() throws {
        try tear(survivors: 3) { url, intact in
            try appendBytes([0x20, 0, 0], to: url)
            return intact.count
        }
    }

    @Test func zeroFilledTail() throws {
        try tear(survivors: 3) { url, intact in
            try appendBytes([UInt8](repeating: 0, count: 4096), to: url)
            return intact.count
        }
    }

    @Test func flippedByteInTheLastMarkIsATornTail() throws {
        try tear(survivors: 3) { url, intact in
            var data = intact
            data[data.count - 3] ^= 0x40
            try data.write(to: url)
            return frames(intact)[5].offset
        }
    }

    @Test func flippedByteInTheLastRecordIsDamageNotATornTail() throws {
        try refuses(at: { recordOffsets($0)[2] }) { data in data[recordOffsets(data)[2] + 10] ^= 0x40 }
    }

    @Test func flippedLengthInTheLastRecordIsDamage() throws {
        try refuses(at: { recordOffsets($0)[2] }) { data in
            data[recordOffsets(data)[2] + 3] ^= 0x01  // length now 16 MiB past the end
        }
    }

    @Test func damagedMiddleRecordRefusesToOpen() throws {
        try refuses(at: { recordOffsets($0)[1] }) { data in data[recordOffsets(data)[1] + 9] ^= 0x01 }
    }

    @Test func damagedMiddleMarkRefusesToOpen() throws {
        try refuses(at: { frames($0)[1].offset }) { data in data[frames(data)[1].offset + 9] ^= 0x01 }
    }

    @Test func damageFoundByAnInstanceAlreadyOpenStopsItsCommits() throws {
        try withTemporaryFolder { dir in
            let store = try JSONStore<Ledger>(directory: dir)
            try add(store, amounts: [1])
            do {
                let other = try JSONStore<Ledger>(directory: dir)
                try add(other, amounts: [2])
                try add(other, amounts: [4])
            }
            var data = try Data(contentsOf: journal(dir))
            data[recordOffsets(data)[1] + 9] ^= 0x01  // a record `store` has not read yet
            try data.write(to: journal(dir))
            #expect(throws: StoreError.self) { try add(store, amounts: [8]) }
            #expect(try Data(contentsOf: journal(dir)) == data)
        }
    }

    @Test func journalShortenedBehindTheStoresBackIsReloaded() throws {
        try withTemporaryFolder { dir in
            let store = try JSONStore<Ledger>(directory: dir)
            try add(store, amounts: [1, 2, 4])
            let data = try Data(contentsOf: journal(dir))
            try data.prefix(frameOffsets(data)[1]).write(to: journal(dir))
            try add(store, amounts: [8])
            #expect(store.state.total == 9)  // what the disk holds, not the stale memory
            #expect(try JSONStore<Ledger>(directory: dir).state == store.state)
        }
    }

    @Test func tailLeftByAnotherWriterIsCutBeforeAppending() throws {
        try withTemporaryFolder { dir in
            let store = try JSONStore<Ledger>(directory: dir)
            try add(store, amounts: [1])
            // Another process crashed mid-append while this one kept running.
            try appendBytes(Array("GARBAGE-MARKER from a dead writer".utf8), to: journal(dir))
            try add(store, amounts: [2])
            let text = String(decoding: try Data(contentsOf: journal(dir)), as: UTF8.self)
            #expect(!text.contains("GARBAGE-MARKER"))
            let reopened = try JSONStore<Ledger>(directory: dir)
            #expect(reopened.state.total == 3)
            #expect(reopened.state.misordered == 0)
        }
    }
}
