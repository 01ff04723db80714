import Foundation
import Testing
import Store

/// A crash mid-append leaves a torn tail: it is ignored on read and cut off
/// before the next append, never interpreted.
@Suite struct TornTailTests {
    private func journal(_ dir: URL) -> URL { storeFile(dir, "journal-0.log") }

    /// Commits three records, damages the journal, reopens, commits one more,
    /// and checks the result against `survivors` (how many of the three stay).
    private func damage(survivors: Int, _ corrupt: (URL) throws -> Void) throws {
        try withTemporaryFolder { dir in
            do {
                let store = try JSONStore<Ledger>(directory: dir)
                try add(store, amounts: [1])
                try add(store, amounts: [2])
                try add(store, amounts: [4])
            }
            let intact = try Data(contentsOf: journal(dir))
            let keptBytes = frameOffsets(intact)[survivors]
            try corrupt(journal(dir))

            let reopened = try JSONStore<Ledger>(directory: dir)
            #expect(reopened.state.count == survivors)
            #expect(reopened.state.total == [0, 1, 3, 7][survivors])

            try add(reopened, amounts: [100])
            let after = try Data(contentsOf: journal(dir))
            // The tail is gone: valid prefix + exactly one new frame.
            #expect(after.prefix(keptBytes) == intact.prefix(keptBytes))
            #expect(frameOffsets(after).count == survivors + 2)
            #expect(frameOffsets(after).last == after.count)

            let again = try JSONStore<Ledger>(directory: dir)
            #expect(again.state == reopened.state)
            #expect(again.state.count == survivors + 1)
            #expect(again.state.misordered == 0)
        }
    }

    @Test func garbageAppended() throws {
        try damage(survivors: 3) { url in
            try appendBytes(Array(String(repeating: "GARBAGE-MARKER not a frame at all ", count: 20).utf8), to: url)
        }
    }

    @Test func halfOfTheLastRecord() throws {
        try damage(survivors: 2) { url in
            let data = try Data(contentsOf: url)
            let offsets = frameOffsets(data)
            let lastStart = offsets[2]
            try data.prefix(lastStart + (data.count - lastStart) / 2).write(to: url)
        }
    }

    @Test func partialHeader() throws {
        try damage(survivors: 3) { url in try appendBytes([0x20, 0, 0], to: url) }
    }

    @Test func flippedByteInTheLastRecord() throws {
        try damage(survivors: 2) { url in
            var data = try Data(contentsOf: url)
            data[data.count - 3] ^= 0x40
            try data.write(to: url)
        }
    }

    @Test func flippedLengthInTheLastRecord() throws {
        try damage(survivors: 2) { url in
            var data = try Data(contentsOf: url)
            data[frameOffsets(data)[2] + 3] ^= 0x01  // length now 16 MiB past the end
            try data.write(to: url)
        }
    }

    @Test func zeroFilledTail() throws {
        try damage(survivors: 3) { url in try appendBytes([UInt8](repeating: 0, count: 4096), to: url) }
    }

    @Test func validFrameAfterACorruptOneIsNotReplayed() throws {
        try withTemporaryFolder { dir in
            do {
                let store = try JSONStore<Ledger>(directory: dir)
                try add(store, amounts: [1, 2, 4])
            }
            var data = try Data(contentsOf: journal(dir))
            data[frameOffsets(data)[1] + 9] ^= 0x01  // middle record's payload
            try data.write(to: journal(dir))
            let reopened = try JSONStore<Ledger>(directory: dir)
            #expect(reopened.state.total == 1)
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
