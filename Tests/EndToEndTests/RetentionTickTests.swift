import Foundation
import Testing

/// Retention through the built binary: tick removes copies in outgoing/ past keepOutgoingDays and forgets
/// handled ids past the dedupe window, after which a re-sent message is a new one.
@Suite struct RetentionTickTests {
    @Test func tickRemovesOldCopiesAndForgetsOldIDs() throws {
        let (root, data) = try sampleClinicFolder("retention")
        defer { try? FileManager.default.removeItem(at: root) }
        let maildir = root.appendingPathComponent("again")
        let message = mail(from: "stranger@example.net", subject: "hours", body: "INFO", id: "the-same-message@example.net")
        try makeMaildir(at: maildir, messages: [message])
        let first = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", "2026-03-02T09:00:00+05:30", "--transcript", maildir.path])
        #expect(first.status == 0 && first.stdout.contains("Kanchi Care Hospital"), "\(first.stdout)")
        let copies = files(in: data.appendingPathComponent("outgoing/new"))
        #expect(copies.count == 1)
        // Written in March: from the machine's clock the file is "now", so date it as the desk's clock would.
        let march = ISO8601DateFormatter().date(from: "2026-03-02T03:30:00Z")!
        for copy in copies { try FileManager.default.setAttributes([.modificationDate: march], ofItemAtPath: copy.path) }

        // The first round opens the dedupe window; the next, 31 days on, removes the copy and forgets the ids of before.
        for (now, expected) in [("2026-03-02T10:00:00+05:30", []), ("2026-04-02T10:00:00+05:30", ["1 outgoing file(s) removed", "handled message id(s) forgotten"])] {
            let tick = try CareDeskBinary.run(["tick", "--data", data.path, "--now", now, "--no-deliver"])
            #expect(tick.status == 0, "\(tick.stderr)")
            for line in expected { #expect(tick.stdout.contains(line), "\(now): \(tick.stdout)") }
            #expect(!tick.stdout.contains(" 0 handled message id(s) forgotten") || expected.isEmpty, "\(tick.stdout)")
        }
        #expect(files(in: data.appendingPathComponent("outgoing/new")).isEmpty)
        // The same message, past the window: answered again, not "already handled".
        try makeMaildir(at: root.appendingPathComponent("later"), messages: [message])
        let later = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", "2026-05-03T10:05:00+05:30", "--transcript",
                                            root.appendingPathComponent("later").path])
        #expect(!later.stdout.contains("(already handled") && later.stdout.contains("> INFO"), "\(later.stdout)")
    }
}
