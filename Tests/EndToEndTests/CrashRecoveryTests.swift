import Foundation
import Testing

/// `kill -9` a running ingest of a few thousand messages, many times, and check afterwards that every message
/// was handled exactly once, every reply written exactly once, no slot is held twice, and the store opens.
@Suite struct CrashRecoveryTests {
    static let now = "2026-03-02T09:00:00+05:30"
    static let patients = 40
    static let messages = 3000

    @Test func killNineNeverLosesOrDoublesAnything() throws {
        let root = try temporaryFolder("kill9")
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("data")
        let clinic = CareDeskBinary.packageRoot.appendingPathComponent("Samples/clinic.json").path
        try CareDeskBinary.run(["init", "--data", data.path, "--clinic", clinic])

        let addresses = try registerPatients(count: Self.patients, data: data, root: root, now: Self.now)
        let repliesBefore = files(in: data.appendingPathComponent("outgoing/new")).count

        // A few thousand bookings with many conflicts, and some cancellations.
        var generator = SystemRandomNumberGenerator()
        let doctors = ["Rao", "Iyer", "Kumar"]
        let days = ["Tue", "Wed", "Thu", "Fri"]
        let times = ["10:00", "10:20", "10:30", "11:00", "11:40", "12:00"]
        let bodies = (0..<Self.messages).map { i -> String in
            let who = addresses[Int.random(in: 0..<Self.patients, using: &generator)]
            let body = i % 7 == 6 ? "CANCEL" : "BOOK Dr \(doctors.randomElement()!) \(days.randomElement()!) \(times.randomElement()!)"
            return mail(from: who, subject: "booking \(i)", body: body, id: "load-\(i)@example.in")
        }
        let load = root.appendingPathComponent("load")
        try makeMaildir(at: load, messages: bodies)

        var kills = 0
        for _ in 0..<40 {
            let process = try CareDeskBinary.start(["ingest", "--data", data.path, "--now", Self.now, "--batch", "64", load.path],
                                                   environment: CareDeskBinary.unlimited)
            usleep(UInt32.random(in: 40_000...250_000))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            }
            process.waitUntilExit()
            if files(in: load.appendingPathComponent("new")).isEmpty { break }
        }
        let last = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", Self.now, load.path], environment: CareDeskBinary.unlimited)
        #expect(last.status == 0, "\(last.stderr)")
        #expect(kills >= 3, "the ingest was killed only \(kills) times")

        // Every message processed, exactly once.
        #expect(files(in: load.appendingPathComponent("new")).isEmpty)
        #expect(files(in: load.appendingPathComponent("cur")).count == Self.messages)
        // Every reply produced exactly once: one file per load message, each answering a different message.
        let replies = files(in: data.appendingPathComponent("outgoing/new"))
        var answered: [String: Int] = [:]
        for reply in replies {
            let text = try String(contentsOf: reply, encoding: .utf8)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("In-Reply-To: <load-") }) {
                answered[String(line), default: 0] += 1
            }
        }
        #expect(replies.count - repliesBefore == Self.messages)
        #expect(answered.count == Self.messages)
        #expect(answered.values.allSatisfy { $0 == 1 })
        // No slot held twice, and the store opens.
        let shown = try CareDeskBinary.run(["show", "--data", data.path, "appointments", "--json"])
        #expect(shown.status == 0, "\(shown.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as! [[String: Any]]
        let held = rows.filter { $0["status"] as? String == "confirmed" }.map { "\($0["doctor"]!) \($0["start"]!)" }
        #expect(Set(held).count == held.count)
        #expect(!held.isEmpty)
    }
}
