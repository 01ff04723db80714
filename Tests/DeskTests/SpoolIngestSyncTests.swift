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

    /// A run started while the desk already defers its fsyncs (the server's lobby does, around each group)
    /// leaves it deferring: it used to turn deferring off for good, and every later webhook group then
    /// waited for its fsync on the desk's own thread.
    @Test func aRunLeavesTheDesksDeferringAsItFoundIt() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let spool = fixture.folder.appendingPathComponent("spool")
        for sub in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(at: spool.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        fixture.desk.defersSync = true
        _ = try SpoolIngest(desk: fixture.desk, delivery: nil).run([.maildir(spool.path)], now: DeskFixture.now) { _ in }
        #expect(fixture.desk.defersSync == true)
        #expect(fixture.desk.takePendingSync() == nil)
    }

    /// Two groups committed while their fsyncs were deferred owe one fsync of the journal and one of the trail
    /// between them: the later sync covers the earlier (same files), and running both together leaves nothing owed.
    @Test func theLaterOfTwoDeferredSyncsCoversTheEarlier() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        fixture.desk.defersSync = true
        _ = try fixture.desk.handle([DeskFixture.mail("HELP", id: "one@example.in")], now: DeskFixture.now)
        let first = try #require(fixture.desk.takePendingSync())
        _ = try fixture.desk.handle([DeskFixture.mail("INFO", id: "two@example.in")], now: DeskFixture.now)
        let second = try #require(fixture.desk.takePendingSync())
        let firstJournal = try #require(first.journal), secondJournal = try #require(second.journal)
        #expect(secondJournal.covers(firstJournal))
        DeskSync.runAll([first, second])
        #expect(fixture.desk.takePendingSync() == nil)
    }
}
