import Foundation
import Testing

/// Each kind of SOURCE `caredesk ingest` accepts, the CLI's exit codes, and idempotence.
@Suite struct SourcesTests {
    static let now = "2026-03-02T09:00:00+05:30"

    func freshData() throws -> URL {
        let root = try temporaryFolder("src")
        let data = root.appendingPathComponent("data")
        let result = try CareDeskBinary.run(["init", "--data", data.path,
                                             "--clinic", CareDeskBinary.packageRoot.appendingPathComponent("Samples/clinic.json").path])
        #expect(result.status == 0, "\(result.stderr)")
        return data
    }

    func replies(_ data: URL) throws -> [String] {
        try files(in: data.appendingPathComponent("outgoing/new")).map { try String(contentsOf: $0, encoding: .utf8) }
    }

    @Test func standardInputForAnMTAPipe() throws {
        let data = try freshData()
        defer { try? FileManager.default.removeItem(at: data.deletingLastPathComponent()) }
        let message = mail(from: "Asha <asha@example.in>", subject: "doctors", body: "DOCTORS", id: "pipe-1@example.in")
        let run = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", Self.now, "-"], stdin: Data(message.utf8))
        #expect(run.status == 0, "\(run.stderr)")
        let all = try replies(data)
        #expect(all.count == 1)
        #expect(all[0].contains("Dr Suresh Rao"))
        #expect(all[0].contains("To: Asha <asha@example.in>"))
    }

    @Test func anEmlFileAndAnMboxAreEachHandledOnce() throws {
        let data = try freshData()
        let root = data.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: root) }
        let eml = root.appendingPathComponent("one.eml")
        try Data(mail(from: "a@example.in", subject: "info", body: "INFO", id: "eml-1@example.in").utf8).write(to: eml)
        let mbox = root.appendingPathComponent("inbox.mbox")
        let first = mail(from: "b@example.in", subject: "help", body: "HELP\n>From the start, I wondered", id: "mbox-1@example.in")
        let second = mail(from: "c@example.in", subject: "slots", body: "SLOTS Dr Kumar tomorrow", id: "mbox-2@example.in")
        try Data(("From b@example.in Mon Mar  2 08:50:00 2026\n" + first + "\nFrom c@example.in Mon Mar  2 08:51:00 2026\n" + second + "\n").utf8).write(to: mbox)
        let run = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", Self.now, eml.path, mbox.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try replies(data).count == 3)
        let again = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", Self.now, eml.path, mbox.path])
        #expect(again.status == 0)
        #expect(again.stdout.contains("3 already handled"))
        #expect(try replies(data).count == 3)
    }

    @Test func aMessageSeenTwiceIsAnsweredOnce() throws {
        let data = try freshData()
        let root = data.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: root) }
        let maildir = root.appendingPathComponent("maildir")
        let message = mail(from: "d@example.in", subject: "x", body: "HELP", id: "twice@example.in")
        try makeMaildir(at: maildir, messages: [message, message])
        let run = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", Self.now, maildir.path])
        #expect(run.stdout.contains("1 answered"))
        #expect(run.stdout.contains("1 already handled"))
        #expect(try replies(data).count == 1)
    }

    @Test func automaticMailIsNeverAnswered() throws {
        let data = try freshData()
        let root = data.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: root) }
        let maildir = root.appendingPathComponent("maildir")
        try makeMaildir(at: maildir, messages: [
            mail(from: "a@example.in", subject: "Away", body: "HELP", id: "auto@example.in", extraHeaders: "Auto-Submitted: auto-replied\n"),
            mail(from: "list@example.in", subject: "news", body: "HELP", id: "list@example.in", extraHeaders: "List-Id: <news.example.in>\n"),
            mail(from: "b@example.in", subject: "bulk", body: "HELP", id: "bulk@example.in", extraHeaders: "Precedence: bulk\n"),
            mail(from: "MAILER-DAEMON@example.in", subject: "failure", body: "HELP", id: "daemon@example.in"),
            mail(from: "c@example.in", subject: "loop", body: "HELP", id: "loop@example.in", extraHeaders: "X-Loop: desk@kanchicare.example\n"),
        ])
        let run = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", Self.now, maildir.path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("5 not answered"))
        #expect(try replies(data).isEmpty)
        #expect(files(in: maildir.appendingPathComponent("new")).isEmpty, "silent mail is still marked processed")
    }

    @Test func injectedHeadersNeverReachTheReply() throws {
        let data = try freshData()
        let root = data.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: root) }
        // The subject decodes to "Hi\r\nBcc: x@evil.example"; the name too.
        let hostile = "From: =?UTF-8?B?RXZlDQpCY2M6IHhAZXZpbC5leGFtcGxl?= <eve@example.in>\nTo: desk@kanchicare.example\n"
            + "Subject: =?UTF-8?B?SGkNCkJjYzogeEBldmlsLmV4YW1wbGU=?=\nMessage-ID: <evil@example.in>\n\nREGISTER Eve\r\nBcc: y@evil.example\n"
        let run = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", Self.now, "-"], stdin: Data(hostile.utf8))
        #expect(run.status == 0)
        let all = try replies(data)
        #expect(all.count == 1)
        let head = all[0].components(separatedBy: "\n\n")[0]
        for line in head.split(separator: "\n") {
            #expect(!line.lowercased().hasPrefix("bcc:"), "\(line)")
        }
        #expect(!all[0].contains("\r"))
    }

    @Test func operationalFailuresExitNonZero() throws {
        let missing = try CareDeskBinary.run(["ingest", "--data", "/nonexistent/caredesk", "--now", Self.now, "-"], stdin: Data())
        #expect(missing.status != 0)
        let data = try freshData()
        defer { try? FileManager.default.removeItem(at: data.deletingLastPathComponent()) }
        let noSource = try CareDeskBinary.run(["ingest", "--data", data.path, "/nonexistent/maildir"])
        #expect(noSource.status != 0)
        #expect(noSource.stderr.contains("no such file"))
        let badNow = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", "yesterday", "-"], stdin: Data())
        #expect(badNow.status != 0)
        let twice = try CareDeskBinary.run(["init", "--data", data.path,
                                            "--clinic", CareDeskBinary.packageRoot.appendingPathComponent("Samples/clinic.json").path])
        #expect(twice.status != 0)
        #expect(twice.stderr.contains("already holds a clinic"))
    }
}
