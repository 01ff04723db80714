import Foundation
import Testing
import TestServers

/// Two processes, one truth: `caredesk serve` takes 100 bookings by SMS webhook while a `caredesk ingest`
/// on the same data folder takes 100 by mail, all for the same slot, at once. Exactly one wins; every other
/// sender is told the slot is taken, with free times near it.
@Suite struct SameSlotRaceTests {
    @Test func twoHundredBookingsForOneSlotFromSMSAndMailTogether() async throws {
        let desk = try WebhookTests().start("race", environment: ["CAREDESK_RATE_LIMIT": "1000"])
        defer { desk.stop() }
        let numbers = (0..<100).map { String(format: "+91984001%04d", $0) }

        // 100 patients by SMS (REGISTER, then VERIFY with the texted code) and 100 by mail.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (i, number) in numbers.enumerated() {
                group.addTask { _ = try await desk.sms("REGISTER Texting Patient \(i)", from: number, sid: "SMreg\(i)") }
            }
            try await group.waitForAll()
        }
        var codes: [String: String] = [:]
        #expect(try eventually(timeout: 60) {
            for call in try desk.gateway.calls() {
                if let to = call.to, let code = call.body?.firstMatch(of: /VERIFY (\d{6})/)?.1 { codes[to] = String(code) }
            }
            return codes.count == numbers.count
        }, "\(codes.count) codes texted")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (i, number) in numbers.enumerated() {
                let code = codes[number] ?? "000000"
                group.addTask { _ = try await desk.sms("VERIFY \(code)", from: number, sid: "SMver\(i)") }
            }
            try await group.waitForAll()
        }
        let emails = try registerPatients(count: 100, data: desk.data, root: desk.root, now: WebhookTests.now)
        let race = desk.root.appendingPathComponent("race-mail")
        try makeMaildir(at: race, messages: emails.enumerated().map { i, address in
            mail(from: address, subject: "booking", body: "BOOK Dr Rao Tue 10:00", id: "race-\(i)@example.in")
        })

        // At once: the mail through a second process, one message per commit, and the texts through serve.
        let mailRun = Task.detached {
            try CareDeskBinary.run(["ingest", "--data", desk.data.path, "--now", WebhookTests.now, "--batch", "1", race.path])
        }
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for (i, number) in numbers.enumerated() {
                group.addTask { try await desk.sms("BOOK Dr Rao Tue 10:00", from: number, sid: "SMbook\(i)").status }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        let mailed = try await mailRun.value
        #expect(mailed.status == 0, "\(mailed.stderr)")
        #expect(statuses.allSatisfy { $0 == 200 })

        let shown = try CareDeskBinary.run(["show", "--data", desk.data.path, "appointments", "--json"])
        let appointments = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [[String: Any]])
        #expect(appointments.count == 1, "exactly one booking: \(appointments)")

        // Every loser hears the slot is taken, with alternatives: by text …
        var losingTexts: [String] = []
        #expect(try eventually(timeout: 60) {
            losingTexts = try desk.gateway.calls().compactMap(\.body).filter { $0.hasPrefix("Not booked") }
            let won = try desk.gateway.calls().compactMap(\.body).filter { $0.hasPrefix("Booked") }.count
            return losingTexts.count + won == numbers.count
        }, "\(losingTexts.count) texts said not booked")
        #expect(losingTexts.allSatisfy { $0.contains("already booked") && $0.contains("Free nearby") }, "\(losingTexts.first ?? "")")
        // … or by mail.
        let replies = try files(in: desk.data.appendingPathComponent("outgoing/new")).map { try String(contentsOf: $0, encoding: .utf8) }
            .filter { $0.contains("In-Reply-To: <race-") }
        #expect(replies.count == emails.count)
        let mailLosers = replies.filter { $0.contains("That slot is already booked.") && $0.contains("The nearest free slots") }
        let mailWinners = replies.filter { $0.contains("Booked: Dr Suresh Rao") }
        #expect(mailLosers.count + mailWinners.count == emails.count)
        #expect(mailWinners.count + (numbers.count - losingTexts.count) == 1, "one winner across both doors")
    }
}
