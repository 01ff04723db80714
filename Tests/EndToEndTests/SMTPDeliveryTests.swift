import Foundation
import Mail
import TestServers
import Testing

/// `caredesk ingest`, `deliver` and `tick` handing mail to a real SMTP server (aiosmtpd) on loopback.
@Suite(.serialized) struct SMTPDeliveryTests {
    static let now = "2026-03-02T09:00:00+05:30"

    /// A data folder with the sample clinic and one verified patient (registered through the local Maildir).
    func clinic() throws -> (root: URL, data: URL, patient: String) {
        let (root, data) = try sampleClinicFolder("smtp")
        let patients = try registerPatients(count: 1, data: data, root: root, now: Self.now)
        return (root, data, patients[0])
    }

    func ingest(_ data: URL, _ messages: [String], smtp: String, now: String = now, root: URL) throws -> CareDeskBinary.Output {
        let maildir = root.appendingPathComponent("in-\(UUID().uuidString.prefix(6))")
        try makeMaildir(at: maildir, messages: messages)
        return try CareDeskBinary.run(["ingest", "--data", data.path, "--now", now, maildir.path], environment: ["CAREDESK_SMTP_URL": smtp])
    }

    struct OutboxRow: Decodable {
        let id: String
        let to: String
        let kind: String
        let state: String
        let attempts: String
        let error: String
    }

    func outbox(_ data: URL) throws -> [OutboxRow] {
        let run = try CareDeskBinary.run(["show", "--data", data.path, "outbox", "--json"])
        return try JSONDecoder().decode([OutboxRow].self, from: Data(run.stdout.utf8))
    }

    @Test func repliesGoToTheServerWithTheNullSenderAndAnInvite() throws {
        let (root, data, patient) = try clinic()
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try SMTPTestServer()
        defer { server.stop() }
        let before = files(in: data.appendingPathComponent("outgoing/new")).count
        let run = try ingest(data, [mail(from: "Priya <\(patient)>", subject: "Booking", body: "BOOK Dr Rao Tue 10:00", id: "smtp-1@example.in")],
                             smtp: server.url, root: root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("delivery: 1 sent"))
        let received = try server.messages()
        try #require(received.count == 1)
        let message = received[0]
        #expect(message.mailFrom == "<>" || message.mailFrom == "", "replies to commands use the null reverse-path")
        #expect(message.rcptTos == [patient])
        let text = String(decoding: message.data, as: UTF8.self)
        #expect(text.contains("\r\nAuto-Submitted: auto-replied\r\n"))
        #expect(text.contains("\r\nX-Loop: desk@kanchicare.example\r\n"))
        #expect(text.contains("\r\nIn-Reply-To: <smtp-1@example.in>\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF on the wire")
        let parsed = MailMessage.parse(message.data)
        #expect(parsed.attachments.contains { $0.contentType == "text/calendar" })
        #expect(files(in: data.appendingPathComponent("outgoing/new")).count == before, "nothing goes to the local Maildir")
        #expect(try outbox(data).allSatisfy { $0.state == "sent" })
    }

    @Test func aServerDownForAnHourLosesNothing() throws {
        let (root, data, patient) = try clinic()
        defer { try? FileManager.default.removeItem(at: root) }
        let down = "smtp://127.0.0.1:\(unusedPort())"
        let run = try ingest(data, (0..<3).map { mail(from: patient, subject: "s", body: "SLOTS Dr Rao Tue", id: "down-\($0)@example.in") },
                             smtp: down, root: root)
        #expect(run.status == 0, "\(run.stderr)")
        let waiting = try outbox(data).filter { $0.state != "sent" }
        #expect(waiting.count == 3 && waiting.allSatisfy { $0.state == "deferred" || $0.state == "queued" })

        // Too early: nothing is tried.
        let server = try SMTPTestServer()
        defer { server.stop() }
        let early = try CareDeskBinary.run(["deliver", "--data", data.path, "--now", "2026-03-02T09:02:00+05:30"],
                                           environment: ["CAREDESK_SMTP_URL": server.url])
        #expect(early.status == 0, "\(early.stderr)")
        #expect(try server.messages().isEmpty)
        // An hour later: each message once.
        let later = try CareDeskBinary.run(["deliver", "--data", data.path, "--now", "2026-03-02T10:00:00+05:30"],
                                           environment: ["CAREDESK_SMTP_URL": server.url])
        #expect(later.status == 0, "\(later.stderr)")
        #expect(try server.messages().count == 3)
        #expect(try outbox(data).allSatisfy { $0.state == "sent" })
        _ = try CareDeskBinary.run(["deliver", "--data", data.path, "--now", "2026-03-02T11:00:00+05:30"],
                                   environment: ["CAREDESK_SMTP_URL": server.url])
        #expect(try server.messages().count == 3, "nothing is sent twice")
    }

    @Test func aTemporaryRefusalIsRetriedAndAPermanentOneTellsTheDesk() throws {
        let (root, data, patient) = try clinic()
        defer { try? FileManager.default.removeItem(at: root) }
        let flaky = try SMTPTestServer(.init(failFirst: 1))
        let run = try ingest(data, [mail(from: patient, subject: "s", body: "INFO", id: "flaky-1@example.in")], smtp: flaky.url, root: root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try outbox(data).contains { $0.to == patient && $0.state == "deferred" && $0.error.contains("451") })
        _ = try CareDeskBinary.run(["deliver", "--data", data.path, "--now", "2026-03-02T09:10:00+05:30"],
                                   environment: ["CAREDESK_SMTP_URL": flaky.url])
        #expect(try flaky.messages().count == 1)
        flaky.stop()

        let strict = try SMTPTestServer(.init(rejectRecipient: "nobody"))
        defer { strict.stop() }
        _ = try ingest(data, [mail(from: "nobody@example.in", subject: "s", body: "INFO", id: "reject-1@example.in")],
                       smtp: strict.url, root: root)
        let failed = try #require(try outbox(data).first { $0.to == "nobody@example.in" })
        #expect(failed.state == "failed" && failed.error.contains("550"))
        // The next day's run sends the desk its summary, with a bounce address naming the message.
        _ = try CareDeskBinary.run(["deliver", "--data", data.path, "--now", "2026-03-03T09:00:00+05:30"],
                                   environment: ["CAREDESK_SMTP_URL": strict.url])
        let summary = try #require(try strict.messages().first { $0.rcptTos == ["desk@kanchicare.example"] })
        #expect(summary.mailFrom.hasPrefix("bounces+") && summary.mailFrom.hasSuffix("@kanchicare.example"))
        #expect(String(decoding: summary.data, as: UTF8.self).contains("nobody@example.in"))
    }

    @Test func aHostileNameOrSubjectNeverReachesAHeaderOrTheEnvelope() throws {
        let (root, data, _) = try clinic()
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try SMTPTestServer()
        defer { server.stop() }
        let hostile = "=?UTF-8?B?\(Data("Eve\r\nBcc: x@evil.example".utf8).base64EncodedString())?="
        _ = try ingest(data, [mail(from: "\(hostile) <eve@example.in>", subject: hostile, body: "REGISTER Eve\r\nBcc: x@evil.example",
                                   id: "hostile-1@example.in")], smtp: server.url, root: root)
        let received = try server.messages()
        try #require(received.count == 1)
        #expect(received[0].rcptTos == ["eve@example.in"])
        let text = String(decoding: received[0].data, as: UTF8.self)
        let header = text.components(separatedBy: "\r\n\r\n")[0]
        #expect(!header.lowercased().contains("\r\nbcc:"))
        #expect(!text.lowercased().contains("\r\nbcc: x@evil.example\r\n"))
    }

    @Test func tickRemindsOnceAndABounceStopsMailToTheAddress() throws {
        let (root, data, patient) = try clinic()
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try SMTPTestServer()
        defer { server.stop() }
        let env = ["CAREDESK_SMTP_URL": server.url]
        _ = try ingest(data, [mail(from: patient, subject: "b", body: "BOOK Dr Kumar Tue 8:30", id: "tick-1@example.in")],
                       smtp: server.url, root: root)
        // Tue 3 Mar 08:30 IST: the day-before reminder is due at Mon 08:30, already past; the 2-hour one at 06:30.
        for now in ["2026-03-02T09:05:00+05:30", "2026-03-02T09:10:00+05:30", "2026-03-03T06:31:00+05:30", "2026-03-03T07:00:00+05:30"] {
            let tick = try CareDeskBinary.run(["tick", "--data", data.path, "--now", now], environment: env)
            #expect(tick.status == 0, "\(tick.stderr)")
        }
        let reminders = try server.messages().filter { $0.mailFrom.hasPrefix("bounces+") && $0.rcptTos == [patient] }
        #expect(reminders.count == 2, "one a day before (late, after the booking), one two hours before")
        let reminder = try #require(reminders.last)

        // The patient's mailbox is gone: the report comes back to the bounce address.
        let report = """
            Return-Path: <>
            X-Original-To: \(reminder.mailFrom)
            Delivered-To: \(reminder.mailFrom)
            From: MAILER-DAEMON@mx.example.in (Mail Delivery System)
            To: \(reminder.mailFrom)
            Subject: Undelivered Mail Returned to Sender
            Message-ID: <dsn-1@mx.example.in>
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="B"

            --B
            Content-Type: text/plain

            Your message could not be delivered.
            --B
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.in

            Final-Recipient: rfc822; \(patient)
            Action: failed
            Status: 5.1.1
            Diagnostic-Code: smtp; 550 5.1.1 user unknown
            --B--

            """
        let run = try ingest(data, [report], smtp: server.url, now: "2026-03-03T07:10:00+05:30", root: root)
        #expect(run.status == 0 && run.stdout.contains("1 not answered"), "\(run.stdout)")
        let told = try server.messages().filter { $0.rcptTos == ["desk@kanchicare.example"] }
        #expect(told.count == 1 && String(decoding: told[0].data, as: UTF8.self).contains(patient))
        // No more mail to that address.
        let count = try server.messages().filter { $0.rcptTos == [patient] }.count
        _ = try CareDeskBinary.run(["tick", "--data", data.path, "--now", "2026-03-03T08:00:00+05:30"], environment: env)
        #expect(try server.messages().filter { $0.rcptTos == [patient] }.count == count)
    }

    @Test func aSenderKilledMidSendLosesNothing() throws {
        let (root, data, patient) = try clinic()
        defer { try? FileManager.default.removeItem(at: root) }
        // Queue a reply without delivering it.
        let maildir = root.appendingPathComponent("in-kill")
        try makeMaildir(at: maildir, messages: [mail(from: patient, subject: "s", body: "INFO", id: "kill-1@example.in")])
        _ = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", Self.now, "--no-deliver", maildir.path])
        let queued = try #require(try outbox(data).first { $0.state == "queued" })

        // A server that accepts the connection and never answers; the sender is killed while it waits.
        let hanging = LoopbackSocket(listen: true)
        defer { hanging.close() }
        var environment = ProcessInfo.processInfo.environment
        environment["CAREDESK_SMTP_URL"] = "smtp://127.0.0.1:\(hanging.port)"
        let sender = try CareDeskBinary.start(["deliver", "--data", data.path, "--now", "2026-03-02T09:01:00+05:30"], environment: environment)
        usleep(1_500_000)
        kill(sender.processIdentifier, SIGKILL)
        sender.waitUntilExit()
        #expect(try outbox(data).first { $0.id == queued.id }?.state == "sending", "the claim was journaled before the send")

        // After the claim expires, the next run sends it: once, with the same Message-ID.
        let server = try SMTPTestServer()
        defer { server.stop() }
        _ = try CareDeskBinary.run(["deliver", "--data", data.path, "--now", "2026-03-02T09:30:00+05:30"],
                                   environment: ["CAREDESK_SMTP_URL": server.url])
        let received = try server.messages()
        #expect(received.count == 1)
        let text = received.first.map { String(decoding: $0.data, as: UTF8.self) } ?? ""
        #expect(text.contains("Message-ID: <\(queued.id)@kanchicare.example>"))
        #expect(try outbox(data).first { $0.id == queued.id }?.state == "sent")
    }
}
