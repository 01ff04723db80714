import Foundation
import Mail
import Testing
@testable import Desk

/// A Maildir run leaves each batch's fsync to the file-work queue, ahead of that batch's replies and cur/
/// moves. When the run returns, everything is durable and acknowledged, and the desk commits durably again.
struct SpoolIngestSyncTests {
    @Test func aRunEndsWithNothingOwedAndEveryMessageAcknowledged() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let spool = fixture.folder.appendingPathComponent("spool")
        for sub in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(at: spool.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        for (i, body) in ["BOOK Dr Kumar Tue 8:30", "SLOTS Dr Rao Wed", "APPOINTMENTS", "HELP", "INFO"].enumerated() {
            let raw = "From: \(DeskFixture.patient)\nSubject: s\nMessage-ID: <sync\(i)@example.in>\n\n\(body)\n"
            try Data(raw.utf8).write(to: spool.appendingPathComponent("new/\(i).sample"))
        }
        let outgoing = fixture.folder.appendingPathComponent("outgoing")
        let ingest = SpoolIngest(desk: fixture.desk, delivery: try MaildirDelivery(path: outgoing.path), batchSize: 2)
        let summary = try ingest.run([.maildir(spool.path)], now: DeskFixture.now) { _ in }

        #expect(summary.answered == 5)
        #expect(fixture.desk.defersSync == false)
        #expect(fixture.desk.takePendingSync() == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: spool.appendingPathComponent("new").path).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: spool.appendingPathComponent("cur").path).count == 5)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outgoing.appendingPathComponent("new").path).count == 5)
        #expect(fixture.desk.state.outbox.values.allSatisfy { !$0.isPending })

        // Outside a run the desk commits with its fsync again: nothing is left owed.
        _ = try fixture.desk.handle([DeskFixture.mail("HELP")], now: DeskFixture.now)
        #expect(fixture.desk.takePendingSync() == nil)
    }
}
