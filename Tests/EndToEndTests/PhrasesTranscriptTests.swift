import Foundation
import Testing

/// The phrases patients really write, through the built binary: after the demo's mail, Samples/phrases.mbox
/// (relative days, parts of the day, BOOK without a time, the earliest slot of a doctor and of a specialty,
/// greetings, courtesy, mobile sign-offs and a confidentiality footer), its whole replies kept in
/// Golden/phrases-transcript.txt (CAREDESK_UPDATE_GOLDEN=1 writes it anew).
@Suite struct PhrasesTranscriptTests {
    @Test func thePhrasesSampleGetsTheGoldenReplies() throws {
        let (data, maildir) = try SampleClinicTests().initialised()
        defer { try? FileManager.default.removeItem(at: data.deletingLastPathComponent()) }
        let demo = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", SampleClinicTests.now, maildir.path])
        #expect(demo.status == 0, "\(demo.stderr)")
        let phrases = CareDeskBinary.packageRoot.appendingPathComponent("Samples/phrases.mbox").path
        let run = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", "2026-03-02T11:00:00+05:30", "--transcript", phrases])
        #expect(run.status == 0, "\(run.stderr)")
        let golden = CareDeskBinary.packageRoot.appendingPathComponent("Tests/EndToEndTests/Golden/phrases-transcript.txt")
        if ProcessInfo.processInfo.environment["CAREDESK_UPDATE_GOLDEN"] == "1" { try Data(run.stdout.utf8).write(to: golden) }
        #expect(run.stdout == (try String(contentsOf: golden, encoding: .utf8)))

        // Booked: the earliest of Dr Kumar and of cardiology, and Dr Iyer in three days; the footer's BOOK is not read.
        #expect(!run.stdout.contains("> BOOK Dr Rao Tue 10:00") && !run.stdout.contains("> Hello"))
        #expect(run.stdout.contains("Booked: Dr Arun Kumar") && run.stdout.contains("Booked: Dr Suresh Rao (Cardiology)"))
        #expect(run.stdout.contains("No time was given, so nothing is booked yet."))
    }
}
