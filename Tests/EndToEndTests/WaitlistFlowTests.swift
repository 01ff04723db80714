import Foundation
import Testing

/// The waitlist through the built binary: a cancellation offers the slot to the first patient waiting, by
/// mail; held, nobody else can book it; unanswered, `tick` passes it to the next; YES books it, once.
@Suite struct WaitlistFlowTests {
    @Test func aFreedSlotIsOfferedPassedOnAndTaken() throws {
        let (root, data) = try sampleClinicFolder("waitlist")
        defer { if ProcessInfo.processInfo.environment["KEEP"] == nil { try? FileManager.default.removeItem(at: root) } }
        let p = try registerPatients(count: 4, data: data, root: root, now: "2026-03-02T08:00:00+05:30")
        var round = 0
        func ingest(_ messages: [(String, String)], at now: String) throws -> String {
            round += 1
            let folder = root.appendingPathComponent("round\(round)")
            try makeMaildir(at: folder, messages: messages.enumerated().map { i, m in
                mail(from: m.0, subject: "waitlist", body: m.1, id: "wl-\(round)-\(i)@example.in")
            })
            let run = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", now, "--transcript", folder.path])
            #expect(run.status == 0, "\(run.stderr)")
            return run.stdout
        }
        /// The codes of the offers mailed to `address` so far.
        func offerCodes(to address: String) throws -> [String] {
            try files(in: data.appendingPathComponent("outgoing/new")).compactMap { file in
                let text = try String(contentsOf: file, encoding: .utf8)
                guard text.split(separator: "\n").first(where: { $0.hasPrefix("To: ") })?.contains("<\(address)>") == true,
                      text.contains("has come free"),
                      let range = text.range(of: #"YES [2-9A-HJ-NP-Z]{5}"#, options: .regularExpression) else { return nil }
                return String(text[range].dropFirst(4))
            }
        }

        let queued = try ingest([(p[0], "BOOK Dr Rao 2026-03-03 10:00"), (p[1], "WAIT Dr Rao 2026-03-03 between 10:00 and 10:30"),
                                 (p[2], "WAIT Dr Rao 2026-03-03 between 10:00 and 10:30")], at: "2026-03-02T08:05:00+05:30")
        #expect(queued.components(separatedBy: "You are on the waitlist").count == 3, "\(queued)")
        #expect(queued.contains("1 waiting before you"), "\(queued)")

        let cancelled = try ingest([(p[0], "CANCEL")], at: "2026-03-02T08:10:00+05:30")
        #expect(cancelled.contains("Cancelled") || cancelled.contains("cancelled"), "\(cancelled)")
        let first = try offerCodes(to: p[1])
        let none = try offerCodes(to: p[2])
        #expect(first.count == 1 && none.isEmpty)
        // Held for p1: nobody else can book it.
        let other = try ingest([(p[3], "BOOK Dr Rao 2026-03-03 10:00")], at: "2026-03-02T08:11:00+05:30")
        #expect(other.contains("already booked"), "\(other)")

        // Unanswered past its 15 minutes: the clock passes it to p2.
        let tick = try CareDeskBinary.run(["tick", "--data", data.path, "--now", "2026-03-02T08:26:00+05:30"])
        #expect(tick.status == 0 && tick.stdout.contains("waitlist offer"), "\(tick.stdout) \(tick.stderr)")
        let second = try offerCodes(to: p[2])
        #expect(second.count == 1 && second != first)

        let late = try ingest([(p[1], "YES \(first.first ?? "")")], at: "2026-03-02T08:27:00+05:30")
        #expect(late.contains("No slot is offered to you under"), "\(late)")
        // p1 still waits (the hold passed, the wait did not); WAIT OFF ends it, and WAITING then says so.
        let listed = try ingest([(p[1], "WAITING\nWAIT OFF\nWAITING")], at: "2026-03-02T08:27:30+05:30")
        #expect(listed.contains("Waiting for Dr Suresh Rao") && listed.contains("No longer waiting for Dr Suresh Rao")
                && listed.contains("You are not on any waitlist"), "\(listed)")
        let taken = try ingest([(p[2], "YES \(second.first ?? "")")], at: "2026-03-02T08:28:00+05:30")
        #expect(taken.contains("Booked") && taken.contains(second.first ?? "-"), "\(taken)")
        let again = try ingest([(p[2], "YES \(second.first ?? "")")], at: "2026-03-02T08:29:00+05:30")
        #expect(again.contains("You already took that slot"), "\(again)")
        // One appointment at that time, however it was asked for.
        let slots = try ingest([(p[3], "SLOTS Dr Rao 2026-03-03")], at: "2026-03-02T08:30:00+05:30")
        #expect(slots.contains("10:00  booked"), "\(slots)")
    }
}
