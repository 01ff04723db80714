import Foundation
import Testing
import Store
@testable import Desk

/// The journal is written by the store's own record encoder, not JSONEncoder: every record the sample
/// clinic's mail produces must be the JSON JSONEncoder would write, and replay to the same state.
struct JournalRecordTests {
    @Test func everySampleRecordIsWhatJSONEncoderWouldWrite() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let folder = DeskFixture.packageRoot.appendingPathComponent("Samples/maildir/new")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let batch = try names.map { InboundMessage(raw: try Data(contentsOf: folder.appendingPathComponent($0))) }
        #expect(batch.count >= 30)
        _ = try fixture.desk.handle(batch, now: DeskFixture.now)
        _ = try fixture.desk.handle([DeskFixture.mail("CANCEL"), DeskFixture.mail("BOOK Dr Rao Wed 10:00\nAPPOINTMENTS")], now: DeskFixture.now)

        let store = fixture.folder.appendingPathComponent("store")
        // The newest journal: the one before it stays beside it (it rebuilds a damaged snapshot).
        let journal = try #require(try FileManager.default.contentsOfDirectory(atPath: store.path).filter { $0.hasPrefix("journal-") }
            .max { $0.count == $1.count ? $0 < $1 : $0.count < $1.count })
        let bytes = [UInt8](try Data(contentsOf: store.appendingPathComponent(journal)))
        var offset = 0, records = 0, commits = 0
        while offset + 8 <= bytes.count {
            let length = (0..<4).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
            let payload = Data(bytes[(offset + 8)..<(offset + 8 + length)])
            if payload.first == 0 {  // a commit mark: zero, "C", the commit's record count
                #expect(payload.count == 6 && payload[payload.startIndex + 1] == UInt8(ascii: "C"))
                commits += 1
                offset += 8 + length
                continue
            }
            let record = try JSONDecoder().decode(DeskRecord.self, from: payload)
            let ours = try JSONSerialization.jsonObject(with: payload) as? NSDictionary
            let theirs = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(record)) as? NSDictionary
            #expect(ours != nil && ours == theirs, "record \(records) differs from JSONEncoder's")
            offset += 8 + length
            records += 1
        }
        #expect(records >= 3)
        #expect(commits >= 2)  // at least the two handle calls

        let reopened = try JSONStore<DeskState>(directory: fixture.folder)
        #expect(reopened.state.clinic?.appointments == fixture.desk.state.clinic?.appointments)
        #expect(reopened.state.clinic?.patients == fixture.desk.state.clinic?.patients)
        #expect(reopened.state.outbox == fixture.desk.state.outbox)
        #expect(reopened.state.handled == fixture.desk.state.handled)
    }
}
