import Foundation
import Testing

/// `caredesk serve` as a child process: mail dropped into its Maildir is answered, `GET /health` reports the
/// counts, and SIGTERM stops it cleanly — also in the middle of a batch — with nothing lost or done twice.
@Suite struct ServeTests {
    static let now = "2026-03-02T09:00:00+05:30"

    func maildir(in root: URL) throws -> URL {
        let maildir = root.appendingPathComponent("maildir")
        try makeMaildir(at: maildir, messages: [])
        return maildir
    }

    @Test func answersMailReportsHealthAndStopsOnSIGTERM() async throws {
        let (root, data) = try sampleClinicFolder("serve")
        defer { try? FileManager.default.removeItem(at: root) }
        let maildir = try maildir(in: root)
        let server = try ServeProcess(["--data", data.path, "--maildir", maildir.path, "--now", Self.now, "--poll-interval", "0.1"],
                                      errors: root.appendingPathComponent("serve.err"))
        defer { server.stop() }
        #expect(server.port > 0)

        // Before any mail: an empty outbox, nothing delivered yet.
        let (firstStatus, firstBody) = try await server.get("/health")
        #expect(firstStatus == 200)
        let first = try #require(try JSONSerialization.jsonObject(with: firstBody) as? [String: Any])
        #expect(first["lastDeliveryAt"] is NSNull)
        #expect(first["lastDeliveryError"] is NSNull)

        try deliverToMaildir(mail(from: "Anita Desai <anita.desai@example.in>", subject: "Help", body: "HELP", id: "serve-help-1@example.in"),
                             name: "1000.serve.test", maildir: maildir)
        let answered = try eventually {
            try repliesByInReplyTo(data)["<serve-help-1@example.in>"] == 1
                && files(in: maildir.appendingPathComponent("new")).isEmpty
                && files(in: maildir.appendingPathComponent("cur")).count == 1
        }
        #expect(answered, "no reply in outgoing/new, or the mail is still in new/: \(server.stderr)")
        #expect(files(in: maildir.appendingPathComponent("cur")).first?.lastPathComponent == "1000.serve.test:2,S")

        // Without the token (or with a wrong one), only that the desk is up: no counts.
        for bearer in [nil, "wrong-token"] {
            let (open, openBody) = try await server.get("/health", bearer: bearer)
            #expect(open == 200)
            #expect(String(decoding: openBody, as: UTF8.self) == #"{"status":"ok"}"#)
        }
        let (status, body) = try await server.get("/health")
        #expect(status == 200)
        let health = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        #expect(health["status"] as? String == "ok")
        #expect(health["store"] as? [String: Int] == ["doctors": 3, "patients": 0, "appointments": 0])
        #expect(health["outbox"] as? [String: Int] == ["queued": 0, "sending": 0, "deferred": 0, "failed": 0, "sent": 1])
        #expect(health["lastDeliveryError"] is NSNull)
        let retention = try #require(health["retention"] as? [String: Int], "\(health)")
        #expect(retention.keys.sorted() == ["handledIDsForgotten", "handledIDsKept", "outgoingFilesRemoved", "registrationsDropped"])
        #expect((retention["handledIDsKept"] ?? 0) >= 1, "\(retention)")
        let at = try #require(health["lastDeliveryAt"] as? String)
        #expect(ISO8601DateFormatter().date(from: at) != nil, "lastDeliveryAt \(at) is not ISO 8601")
        #expect(!String(decoding: body, as: UTF8.self).contains("anita"), "the health report names a patient")

        let (missing, _) = try await server.get("/no-such-page")
        #expect(missing == 404)

        let exit = server.signal(SIGTERM)
        #expect(exit?.reason == .exit && exit?.status == 0, "serve did not exit 0 on SIGTERM: \(String(describing: exit)) \(server.stderr)")
    }

    /// With CAREDESK_EXIT_WITH_PID, a serve whose owner dies (a crashed test run, a killed supervisor) shuts
    /// down by itself instead of running on as an orphan.
    /// Mail renamed into new/ is answered at once, not at the next poll: the watcher hears of it (inotify).
    /// With a minute between polls, only that makes the reply come within seconds.
    @Test func mailIntoNewIsAnsweredWithoutWaitingForThePoll() async throws {
        let (root, data) = try sampleClinicFolder("serve-notify")
        defer { try? FileManager.default.removeItem(at: root) }
        let maildir = try maildir(in: root)
        let server = try ServeProcess(["--data", data.path, "--maildir", maildir.path, "--now", Self.now, "--poll-interval", "60"],
                                      errors: root.appendingPathComponent("serve.err"))
        defer { server.stop() }
        // The watcher's first look (at start) is over and it waits for the bell or the minute.
        try await Task.sleep(for: .milliseconds(500))
        for i in 1...3 {
            let id = "serve-notify-\(i)@example.in"
            try deliverToMaildir(mail(from: "Anita Desai <anita.desai@example.in>", subject: "Help", body: "HELP", id: id),
                                 name: "\(3000 + i).serve.test", maildir: maildir)
            let answered = try eventually(timeout: 5) { try repliesByInReplyTo(data)["<\(id)>"] == 1 }
            #expect(answered, "message \(i) not answered within 5 s: \(server.stderr)")
        }
    }

    @Test func aServeWhoseOwnerDiesStopsByItself() throws {
        let (root, data) = try sampleClinicFolder("serve-orphan")
        defer { try? FileManager.default.removeItem(at: root) }
        let owner = Process()
        owner.executableURL = URL(fileURLWithPath: "/bin/sleep")
        owner.arguments = ["2"]
        try owner.run()
        let serve = try ServeProcess(["--data", data.path], errors: root.appendingPathComponent("serve.stderr"),
                                     environment: ["CAREDESK_EXIT_WITH_PID": "\(owner.processIdentifier)"])
        defer { serve.stop() }
        owner.waitUntilExit()
        let deadline = Date().addingTimeInterval(15)
        while serve.process.isRunning && Date() < deadline { usleep(50_000) }
        #expect(!serve.process.isRunning, "serve still runs without its owner: \(serve.stderr)")
        #expect(serve.process.terminationStatus == 0, "a graceful shutdown")
    }

    @Test func anUnreachableMailServerShowsInHealth() async throws {
        let (root, data) = try sampleClinicFolder("serve-smtp")
        defer { try? FileManager.default.removeItem(at: root) }
        let maildir = try maildir(in: root)
        // Port 1 on loopback: nothing listens, the connection is refused at once.
        let server = try ServeProcess(["--data", data.path, "--maildir", maildir.path, "--now", Self.now, "--poll-interval", "0.1"],
                                      errors: root.appendingPathComponent("serve.err"), environment: ["CAREDESK_SMTP_URL": "smtp://127.0.0.1:1"])
        defer { server.stop() }
        try deliverToMaildir(mail(from: "anita.desai@example.in", subject: "Help", body: "HELP", id: "serve-smtp-1@example.in"),
                             name: "2000.serve.test", maildir: maildir)
        var health: [String: Any] = [:]
        let deferred = try await eventuallyAsync {
            health = try JSONSerialization.jsonObject(with: try await server.get("/health").body) as? [String: Any] ?? [:]
            return (health["outbox"] as? [String: Int])?["deferred"] == 1
        }
        #expect(deferred, "the reply was not deferred: \(health) \(server.stderr)")
        #expect(health["lastDeliveryError"] is String, "\(health)")
        #expect(health["lastDeliveryAt"] is NSNull, "\(health)")
        #expect(files(in: data.appendingPathComponent("outgoing/new")).isEmpty)
        let exit = server.signal(SIGTERM)
        #expect(exit?.reason == .exit && exit?.status == 0, "serve did not exit 0 on SIGTERM: \(String(describing: exit)) \(server.stderr)")
    }

    @Test func sigtermMidBatchLosesAndRepeatsNothing() throws {
        let (root, data) = try sampleClinicFolder("serve-stop")
        defer { try? FileManager.default.removeItem(at: root) }
        let maildir = try maildir(in: root)
        let count = 200
        let server = try ServeProcess(["--data", data.path, "--maildir", maildir.path, "--now", Self.now,
                                       "--poll-interval", "0.05", "--batch", "8"],
                                      errors: root.appendingPathComponent("serve.err"))
        defer { server.stop() }

        for i in 0..<count {
            try deliverToMaildir(mail(from: "patient\(i)@example.in", subject: "Help", body: "HELP", id: "stop-\(i)@example.in"),
                                 name: String(format: "%08d.stop.test", i), maildir: maildir)
        }
        // Stop it as soon as the watcher is at work on the pile.
        let started = eventually { !files(in: data.appendingPathComponent("outgoing/new")).isEmpty }
        #expect(started, "serve answered nothing: \(server.stderr)")
        let exit = server.signal(SIGTERM)
        #expect(exit?.reason == .exit && exit?.status == 0, "serve did not exit 0 on SIGTERM: \(String(describing: exit)) \(server.stderr)")
        let handledByServe = files(in: maildir.appendingPathComponent("cur")).count

        // What serve committed left new/; a one-shot ingest takes the rest, and finds nothing handled twice.
        let rest = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", Self.now, maildir.path])
        #expect(rest.status == 0, "\(rest.stderr)")
        #expect(rest.stdout.hasPrefix("\(count - handledByServe) messages: \(count - handledByServe) answered"), "\(rest.stdout)")
        #expect(rest.stdout.contains(", 0 already handled."), "\(rest.stdout)")
        #expect(files(in: maildir.appendingPathComponent("new")).isEmpty)
        #expect(files(in: maildir.appendingPathComponent("cur")).count == count)
        let replies = try repliesByInReplyTo(data)
        #expect(replies.count == count)
        #expect(replies.values.allSatisfy { $0 == 1 }, "a message was answered twice")
    }
}
