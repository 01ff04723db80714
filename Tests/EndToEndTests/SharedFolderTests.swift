import Foundation
import Testing

/// Two `caredesk ingest` processes on one data folder at the same time (cron and an MTA pipe, say): the
/// store's lock keeps one truth — every message answered once, no slot given twice.
@Suite struct SharedFolderTests {
    static let now = "2026-03-02T09:00:00+05:30"

    @Test func twoProcessesNeverGiveASlotTwice() throws {
        let root = try temporaryFolder("shared")
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("data")
        try CareDeskBinary.run(["init", "--data", data.path,
                                "--clinic", CareDeskBinary.packageRoot.appendingPathComponent("Samples/clinic.json").path])
        let addresses = try registerPatients(count: 20, data: data, root: root, now: Self.now)
        let before = files(in: data.appendingPathComponent("outgoing/new")).count
        // Both spools ask for the same few slots.
        let times = ["10:00", "10:30", "11:00"]
        var spools: [URL] = []
        for side in 0..<2 {
            let spool = root.appendingPathComponent("spool\(side)")
            try makeMaildir(at: spool, messages: (0..<300).map { i in
                mail(from: addresses[(i + side * 7) % addresses.count], subject: "book",
                     body: "BOOK Dr Rao Tue \(times[i % times.count])", id: "side\(side)-\(i)@example.in")
            })
            spools.append(spool)
        }
        let processes = try spools.map { spool in
            try CareDeskBinary.start(["ingest", "--data", data.path, "--now", Self.now, "--batch", "16", spool.path],
                                     errors: spool.appendingPathExtension("stderr"), environment: CareDeskBinary.unlimited)
        }
        for process in processes { process.waitUntilExit() }
        for (process, spool) in zip(processes, spools) {
            let errors = (try? String(contentsOf: spool.appendingPathExtension("stderr"), encoding: .utf8)) ?? ""
            #expect(process.terminationStatus == 0, "\(errors)")
        }
        for spool in spools {
            #expect(files(in: spool.appendingPathComponent("new")).isEmpty)
        }
        #expect(files(in: data.appendingPathComponent("outgoing/new")).count - before == 600)
        let shown = try CareDeskBinary.run(["show", "--data", data.path, "appointments", "--json"])
        let rows = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as! [[String: Any]]
        let held = rows.filter { $0["status"] as? String == "confirmed" }.map { "\($0["start"]!)" }
        #expect(held.count == times.count, "each of the three slots is booked exactly once")
        #expect(Set(held).count == held.count)
    }
}
