import Foundation
import Testing
import Store
@testable import Desk

/// `caredesk store salvage` may read a snapshot whose seal is broken when nothing better is left, so the
/// desk's snapshot reader must never crash on damaged bytes: it throws, or it returns a state.
struct SnapshotDamageTests {
    @Test func aChangedByteAnywhereInTheDesksSnapshotNeverCrashesTheReader() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let folder = DeskFixture.packageRoot.appendingPathComponent("Samples/maildir/new")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        _ = try fixture.desk.handle(try names.map { InboundMessage(raw: try Data(contentsOf: folder.appendingPathComponent($0))) },
                                    now: DeskFixture.now)
        let intact = try fixture.desk.state.snapshotData()
        #expect(intact.count > 10_000)
        #expect(try DeskState(snapshotData: intact).clinic?.appointments == fixture.desk.state.clinic?.appointments)
        var refused = 0, read = 0
        // Every 101st offset, two ways: one bit, every bit. (Every third offset, three ways, 22,000 reads,
        // found no crash either but takes five minutes in a debug build.)
        for offset in stride(from: 0, to: intact.count, by: 101) {
            for pattern: UInt8 in [0x01, 0xFF] {
                var damaged = intact
                damaged[offset] ^= pattern
                if (try? DeskState(snapshotData: damaged)) == nil { refused += 1 } else { read += 1 }
            }
        }
        #expect(refused > 0 && read > 0)
    }
}
