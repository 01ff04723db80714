import Foundation
import Testing
import TestServers

/// The long run of issue 19: `caredesk serve` under a steady mixed load (mail into the watched Maildir,
/// signed SMS and JSON webhooks from registered patients and strangers) while its mail server is killed and
/// restarted every thirtieth of the run and its SMS gateway answers 500 to every third call. Afterwards every
/// message has been answered exactly once, memory is within 10% of what it was a sixth of the way in, and no
/// file descriptor leaked. CAREDESK_SOAK_SECONDS sets the length (default 120; `make soak`: 1800).
@Suite struct SoakTests {
    static let seconds: Double = ProcessInfo.processInfo.environment["CAREDESK_SOAK_SECONDS"].flatMap(Double.init) ?? 120
    /// One message every quarter second.
    static let beat = 0.25
    /// Sockets that may be open at one reading and not the other: each of the desk's delivery workers (4 for
    /// mail, 4 for texts) keeps its connection for a pass, and the load keeps one HTTP connection to the desk.
    static let connectionsInFlight = 4 + 4 + 1

    @Test func serveAnswersEveryMessageOnceThroughARestartingMailServerAndAFlakyGateway() async throws {
        let (root, data) = try sampleClinicFolder("soak")
        defer { try? FileManager.default.removeItem(at: root) }
        // Retries a minute apart (the least the settings allow), so the run drains in minutes, not hours.
        try Data(#"{"retry": {"firstRetryMinutes": 1, "maxRetryMinutes": 1, "giveUpHours": 1}}"#.utf8)
            .write(to: data.appendingPathComponent("config.json"))
        let now = ISO8601DateFormatter().string(from: Date())
        let mailPatients = try registerPatients(count: 12, data: data, root: root, now: now)
        let maildir = root.appendingPathComponent("maildir")
        try makeMaildir(at: maildir, messages: [])

        let gateway = try SMSGatewayTestServer(failEvery: 3)
        defer { gateway.stop() }
        let mailServer = try RestartingMailServer()
        defer { mailServer.stop() }
        let server = try ServeProcess(["--data", data.path, "--maildir", maildir.path, "--poll-interval", "0.2"],
                                      errors: root.appendingPathComponent("serve.err"),
                                      environment: SoakLoad.environment(gateway: gateway, smtpURL: mailServer.url))
        defer { server.stop() }

        let run = try await onItsOwnThread {
            try Self.loadAndDrain(server: server, gateway: gateway, mailServer: mailServer, maildir: maildir, mailPatients: mailPatients)
        }
        let (early, late, rested, outbox) = (run.early, run.late, run.rested, run.outbox)
        #expect(server.signal(SIGTERM)?.status == 0, "serve did not stop cleanly: \(server.stderr.suffix(2000))")
        // What the state itself costs: a fresh serve that opens the same store and answers one request.
        let storeMB = Self.megabytes(under: data.appendingPathComponent("store"))
        let fresh = try await Self.freshVitals(data: data, maildir: maildir, root: root,
                                               environment: SoakLoad.environment(gateway: gateway, smtpURL: mailServer.url))

        let attempts = try Self.attemptsTaken(data)
        let tally = SoakTally(owed: run.owed, mail: try mailServer.messages(), calls: try gateway.calls())
        let first = try #require(ServeVitals.summary(of: early)), last = try #require(ServeVitals.summary(of: late))
        let sentByKind = SoakLoad.Kind.allCases.map { "\($0.rawValue) \(run.sent[$0] ?? 0)" }.joined(separator: ", ")
        print(String(format: "soak: %.0f s of load (longest beat %.2f s), %.0f s to drain; sent %d (%@); %@; SMTP restarts %d, SMS 500s %d; "
                     + "RSS %.1f MB at a sixth, %.1f MB at the end, %.1f MB drained; fds %d at a sixth, %d at the end, %d drained; "
                     + "store %.1f MB, a fresh serve on it %.1f MB; "
                     + "webhooks refused %d; outbox %@; attempts per message %@; waiting while draining %@",
                     run.loadSeconds, run.longestBeat, run.drainSeconds, run.sent.values.reduce(0, +), sentByKind, tally.description, mailServer.restarts,
                     tally.gateway500s, first.residentMB, last.residentMB, rested?.residentMB ?? 0, first.descriptors, last.descriptors,
                     storeMB, fresh.residentMB,
                     rested?.descriptors ?? 0, run.refusedWebhooks.count, outbox.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                         .joined(separator: ", "), attempts, run.waiting.joined(separator: ", ")))

        #expect(run.drained, "the outbox did not drain: \(outbox)")
        #expect(outbox["failed"] == 0, "replies failed for good: \(outbox)")
        #expect(run.refusedWebhooks.isEmpty, "\(run.refusedWebhooks.prefix(10))")
        #expect(tally.lost.isEmpty, "lost: \(tally.lost.prefix(20))")
        #expect(tally.doubled.isEmpty, "doubled: \(tally.doubled.prefix(20))")
        #expect(tally.strays.isEmpty, "answers to nothing sent: \(tally.strays.prefix(20))")
        #expect(mailServer.restarts >= 2 && tally.gateway500s > 0, "the faults did not happen")
        #expect(Double(last.residentKB) <= Double(first.residentKB) * 1.10, "memory grew: \(first) → \(last)")
        #expect(last.descriptors - last.sockets <= first.descriptors - first.sockets, "files or pipes leaked: \(first) → \(last)")
        #expect(last.sockets <= first.sockets + Self.connectionsInFlight, "sockets leaked: \(first) → \(last)")
    }

    /// What the timed part of the run saw: the load at a steady beat, then the drain.
    struct Run: Sendable {
        var loadSeconds = 0.0, drainSeconds = 0.0
        /// The longest beat (a quarter second when the desk and the machine keep up).
        var longestBeat = 0.0
        var sent: [SoakLoad.Kind: Int] = [:]
        var owed = RepliesOwed()
        var refusedWebhooks: [String] = []
        /// Readings a sixth of the way in, in the last window of the load, and once drained.
        var early: [ServeVitals] = [], late: [ServeVitals] = [], rested: ServeVitals?
        var drained = false
        var outbox: [String: Int] = [:]
        /// The outbox's pending count every 15 s of the drain.
        var waiting: [String] = []
    }

    /// The load, one message a beat for `seconds` while the mail server restarts, then the drain (the faults
    /// healed) until the outbox holds nothing pending. Blocks: run it on a thread of its own.
    static func loadAndDrain(server: ServeProcess, gateway: SMSGatewayTestServer, mailServer: RestartingMailServer,
                             maildir: URL, mailPatients: [String]) throws -> Run {
        let pid = server.process.processIdentifier
        let load = SoakLoad(server: server, gateway: gateway, maildir: maildir, mailPatients: mailPatients)
        var run = Run()
        mailServer.startRestarting(every: seconds / 30)
        let started = Date()
        let window = 8 * beat
        while Date().timeIntervalSince(started) < seconds {
            let beatStart = Date()
            try load.sendNext()
            run.longestBeat = max(run.longestBeat, Date().timeIntervalSince(beatStart))
            let elapsed = Date().timeIntervalSince(started)
            if elapsed >= seconds / 6 && run.early.count < 8, let vitals = ServeVitals.of(pid) { run.early.append(vitals) }
            if elapsed >= seconds - window, let vitals = ServeVitals.of(pid) { run.late.append(vitals) }
            let rest = beat - Date().timeIntervalSince(beatStart)
            if rest > 0 { Thread.sleep(forTimeInterval: rest) }
        }
        // A beat slowed by a busy machine may have stepped over the last window: read once more as the load ends.
        if let vitals = ServeVitals.of(pid) { run.late.append(vitals) }
        run.loadSeconds = Date().timeIntervalSince(started)
        mailServer.stopRestarting()
        // The faults end with the load: the drain shows that whatever they deferred is handed over once they are gone.
        try gateway.heal()
        (run.sent, run.owed, run.refusedWebhooks) = (load.sent, load.owed, load.refusedWebhooks)

        // Drain: every reply handed over (retries come a minute apart).
        run.drained = try eventually(timeout: 600) {
            run.outbox = try outboxCounts(server)
            let pending = (run.outbox["queued"] ?? 0) + (run.outbox["sending"] ?? 0) + (run.outbox["deferred"] ?? 0)
            let second = Int(Date().timeIntervalSince(started) - run.loadSeconds)
            if second / 15 >= run.waiting.count { run.waiting.append("\(second) s: \(pending)") }
            return pending == 0
        }
        run.drainSeconds = Date().timeIntervalSince(started) - run.loadSeconds
        run.rested = ServeVitals.of(pid)
        return run
    }

    /// The vital signs of a new `serve` on the same data folder once it has opened the store and answered /health.
    static func freshVitals(data: URL, maildir: URL, root: URL, environment: [String: String]) async throws -> ServeVitals {
        let server = try ServeProcess(["--data", data.path, "--maildir", maildir.path, "--poll-interval", "0.2"],
                                      errors: root.appendingPathComponent("fresh.err"), environment: environment)
        defer { server.stop() }
        _ = try await server.get("/health")
        try await Task.sleep(for: .seconds(1))
        let vitals = try #require(ServeVitals.of(server.process.processIdentifier))
        _ = server.signal(SIGTERM)
        return vitals
    }

    /// The size of the files under `folder`, in megabytes.
    static func megabytes(under folder: URL) -> Double {
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey])?.allObjects as? [URL] ?? []
        let bytes = files.compactMap { try? $0.resourceValues(forKeys: [.fileSizeKey]).fileSize }.reduce(0, +)
        return Double(bytes) / 1_048_576
    }

    /// How many hand-overs the outbox's messages took, as "1×120 2×20".
    static func attemptsTaken(_ data: URL) throws -> String {
        let shown = try CareDeskBinary.run(["show", "--data", data.path, "outbox", "--json"]).stdout
        let rows = try JSONSerialization.jsonObject(with: Data(shown.utf8)) as? [[String: Any]] ?? []
        var counts: [Int: Int] = [:]
        for row in rows { counts[(row["attempts"] as? String).flatMap { Int($0) } ?? -1, default: 0] += 1 }
        return counts.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: " ")
    }

    /// The outbox's counts by state, from the health report.
    static func outboxCounts(_ server: ServeProcess) throws -> [String: Int] {
        let (status, body) = try server.getWaiting("/health")
        guard status == 200, let report = try JSONSerialization.jsonObject(with: body) as? [String: Any] else { return [:] }
        return report["outbox"] as? [String: Int] ?? [:]
    }
}
