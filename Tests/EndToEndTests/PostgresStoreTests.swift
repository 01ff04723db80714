import Foundation
import TestServers
import Testing

/// The desk's store in PostgreSQL, end to end through the binary: several `caredesk serve` instances and
/// one-shot commands on one database, each process with its own data folder (PostgresDesks).
@Suite(.serialized) struct PostgresStoreTests {
    static let now = PostgresDesks.now
    static let book = "BOOK Dr Rao Tue 10:00"

    /// 300 registered patients ask for the same slot at once: 225 by signed JSON webhook, round-robin over
    /// three instances, and 75 by mail through a fourth process (`ingest --batch 1`, a commit per message).
    /// The database decides: one appointment, one "Booked", 299 "already booked" with free slots near it,
    /// and each patient answered exactly once, whichever instance's delivery round wrote the reply.
    @Test func threeInstancesAndAnIngestBookOneSlot300TimesAndExactlyOneWins() async throws {
        let desks = try PostgresDesks("race")
        defer { desks.stop() }
        let registrar = try desks.folder("registrar")
        let patients = try registerPatients(count: 300, data: registrar, root: desks.root, now: Self.now,
                                            environment: ["CAREDESK_DATABASE_URL": desks.url])
        #expect(try desks.show("patients").filter { $0["verified"] == "yes" }.count == 300)
        try desks.start(3)
        let byWebhook = Array(patients.prefix(225)), byMail = Array(patients.dropFirst(225))
        let mailer = try desks.folder("mailer")
        let maildir = desks.root.appendingPathComponent("race-mail")
        try makeMaildir(at: maildir, messages: byMail.enumerated().map { i, address in
            mail(from: address, subject: "booking", body: Self.book, id: "race-mail-\(i)@example.in")
        })

        // At once: the mail through a fourth process, and the webhooks spread over the three instances.
        let url = desks.url
        let mailRun = Task.detached {
            try CareDeskBinary.run(["ingest", "--data", mailer.path, "--store", url, "--now", Self.now, "--batch", "1", maildir.path],
                                   environment: CareDeskBinary.unlimited)
        }
        let answers = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for (i, address) in byWebhook.enumerated() {
                let json = #"{"id": "race-hook-\#(i)", "channel": "email", "from": "\#(address)", "to": "desk@kanchicare.example", "#
                    + #""text": "\#(Self.book)", "subject": "booking"}"#
                group.addTask { try await desks.message(json, id: "msg_race_\(i)", to: i % 3) }
            }
            return try await group.reduce(into: [(Int, String)]()) { $0.append($1) }
        }
        let mailed = try await mailRun.value
        #expect(mailed.status == 0, "\(mailed.stderr)")
        #expect(mailed.stdout.contains("75 messages: 75 answered"), "\(mailed.stdout)")
        #expect(answers.count == 225 && answers.allSatisfy { $0.0 == 200 }, "\(answers.filter { $0.0 != 200 }.prefix(3))")

        let appointments = try desks.show("appointments")
        #expect(appointments.count == 1, "exactly one booking: \(appointments)")

        // Every patient hears back once, from whichever folder the reply was written to.
        let answering = desks.folders.filter { $0 != registrar }
        func repliesByPatient() throws -> [String: [PostgresDesks.Reply]] {
            Dictionary(grouping: try desks.replies(in: answering).filter { patients.contains($0.to ?? "") }) { $0.to ?? "" }
        }
        #expect(try eventually(timeout: 60) { try repliesByPatient().count == patients.count },
                "\((try? repliesByPatient())?.count ?? -1) of 300 answered\n\(desks.serveErrors)")
        try await Task.sleep(for: .seconds(1))  // a reply written twice would land by now
        let byPatient = try repliesByPatient()
        // A reply written twice (the same Message-ID in two folders) is named by its folders and In-Reply-To.
        let twice = byPatient.filter { $0.value.count != 1 }
        let examples = twice.sorted { $0.key < $1.key }.prefix(5).map { patient, replies in
            "\(patient): " + replies.map { "\($0.folder.lastPathComponent) \($0.messageID ?? "?") in reply to \($0.inReplyTo ?? "(webhook)")" }
                .joined(separator: ", ")
        }
        #expect(twice.keys.count == 0, "answered more than once: \(twice.keys.count) patients, e.g.\n\(examples.joined(separator: "\n"))")
        let distinctIDs = Set(byPatient.values.flatMap { $0.compactMap(\.messageID) }).count
        #expect(distinctIDs == patients.count, "one Message-ID per patient: \(distinctIDs)")
        let all = byPatient.values.flatMap { $0 }
        let winners = all.filter { $0.text.contains("Booked: Dr Suresh Rao") }
        let losers = all.filter { $0.text.contains("That slot is already booked.") && $0.text.contains("The nearest free slots") }
        #expect(winners.count == 1, "\(winners.map { "\($0.folder.lastPathComponent) \($0.to ?? "")" })")
        let neither = all.first { !$0.text.contains("Booked: Dr Suresh Rao") && !$0.text.contains("already booked") }
        #expect(losers.count == 299, "\(neither?.text.prefix(600) ?? "")")
        // The one booking is the winner's.
        let patientRows = try desks.show("patients")
        let winnerID = patientRows.first { $0["email"] == winners.first?.to }?["id"]
        #expect(winnerID != nil && appointments.first?["patient"] == winnerID, "\(appointments) \(winners.first?.to ?? "")")
        // Replies came through more than one door: the mailer's own commits and the instances' delivery rounds.
        let folders = Set(all.map(\.folder.lastPathComponent))
        #expect(folders.count > 1, "\(folders)")
    }

    /// 1,000 replies queued in the shared outbox (an `ingest --no-deliver` of 1,000 INFO mails from 1,000
    /// addresses nobody registered) and three instances whose delivery rounds all hand mail to one real SMTP
    /// server: every reply arrives once, none twice.
    @Test func aThousandRepliesDeliveredByThreeInstancesArriveExactlyOnceEach() async throws {
        let smtp = try SMTPTestServer()
        defer { smtp.stop() }
        let desks = try PostgresDesks("smtp")
        defer { desks.stop() }
        // Only the url: every other field of the file is optional.
        let config = Data(#"{"smtp": {"url": "\#(smtp.url)"}}"#.utf8)
        try desks.start(3) { folder in try config.write(to: folder.appendingPathComponent("config.json")) }

        let visitors = (0..<1000).map { "visitor\($0)@example.org" }
        let queuer = try desks.folder("queuer")
        let maildir = desks.root.appendingPathComponent("info-mail")
        try makeMaildir(at: maildir, messages: visitors.enumerated().map { i, address in
            mail(from: address, subject: "about the clinic", body: "INFO", id: "info-\(i)@example.org")
        })
        let queued = try CareDeskBinary.run(["ingest", "--data", queuer.path, "--store", desks.url, "--now", Self.now, "--no-deliver",
                                             maildir.path], environment: CareDeskBinary.unlimited)
        #expect(queued.status == 0, "\(queued.stderr)")
        #expect(queued.stdout.contains("1000 messages: 1000 answered"), "\(queued.stdout)")

        #expect(try eventually(timeout: 90) { try smtp.messages().count >= visitors.count },
                "\((try? smtp.messages())?.count ?? -1) of 1000 received\n\(desks.serveErrors)")
        try await Task.sleep(for: .seconds(1.5))  // a second copy would arrive by now
        let received = try smtp.messages()
        #expect(received.count == visitors.count, "\(received.count) messages received")
        let ids = received.map { message -> String in
            let text = String(decoding: message.data, as: UTF8.self)
            let line = text.components(separatedBy: "\r\n").prefix { !$0.isEmpty }.first { $0.lowercased().hasPrefix("message-id:") }
            return line.map { String($0.dropFirst("Message-ID:".count)).trimmingCharacters(in: .whitespaces) } ?? ""
        }
        let repeated = Dictionary(grouping: ids) { $0 }.filter { $0.value.count > 1 }.keys
        #expect(!ids.contains("") && Set(ids).count == visitors.count, "every Message-ID once; repeated: \(repeated.prefix(5))")
        #expect(Set(received.flatMap(\.rcptTos)) == Set(visitors), "one reply to each visitor")
        let outbox = try desks.show("outbox")
        #expect(outbox.count == visitors.count && outbox.allSatisfy { $0["state"] == "sent" && $0["attempts"] == "1" },
                "\(outbox.filter { $0["state"] != "sent" || $0["attempts"] != "1" }.prefix(3))")
        #expect(try desks.replies().isEmpty, "with a mail server configured, nothing is written to outgoing/")
    }

    /// The demo's data folder moved into PostgreSQL: every `show` prints the same from the database as from
    /// the folder's journal; migrating again into the same database is refused and changes nothing.
    @Test func migrateAfterTheDemoGivesTheSameShow() throws {
        let pg = try PostgresTestServer()
        defer { pg.stop() }
        let (root, data) = try sampleClinicFolder("pg-migrate")
        defer { try? FileManager.default.removeItem(at: root) }
        let maildir = root.appendingPathComponent("demo-maildir")
        try makeMaildir(at: maildir, messages: [])
        try FileManager.default.removeItem(at: maildir.appendingPathComponent("new"))
        try FileManager.default.copyItem(at: CareDeskBinary.packageRoot.appendingPathComponent("Samples/maildir/new"),
                                         to: maildir.appendingPathComponent("new"))
        let demo = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", "2026-03-02T09:00:00+05:30", "--transcript", maildir.path],
                                          environment: ["CAREDESK_TEST_SEED": "0"])
        #expect(demo.status == 0, "\(demo.stderr)")

        let url = try pg.makeDatabase("migrated")
        let moved = try CareDeskBinary.run(["migrate", "--data", data.path, "--to", url])
        #expect(moved.status == 0 && moved.stdout.hasPrefix("Moved "), "\(moved.stdout)\(moved.stderr)")

        func shows(store: String?) throws -> [String: String] {
            var printed: [String: String] = [:]
            for kind in ["appointments", "patients", "doctors", "outbox"] {
                let shown = try CareDeskBinary.run(["show", "--data", data.path] + (store.map { ["--store", $0] } ?? []) + [kind, "--json"])
                #expect(shown.status == 0, "show \(kind): \(shown.stderr)")
                printed[kind] = shown.stdout
            }
            return printed
        }
        let fromFolder = try shows(store: nil)
        let fromDatabase = try shows(store: url)
        for kind in fromFolder.keys.sorted() {
            #expect(fromFolder[kind] == fromDatabase[kind], "show \(kind) differs:\n\(fromFolder[kind] ?? "")\n---\n\(fromDatabase[kind] ?? "")")
        }
        for kind in ["appointments", "patients", "outbox"] {
            let rows = try JSONSerialization.jsonObject(with: Data((fromDatabase[kind] ?? "").utf8)) as? [Any]
            #expect((rows?.count ?? 0) > 0, "the demo leaves \(kind) to show")
        }

        let tables = "SELECT (SELECT count(*) FROM caredesk_log) || ' ' || (SELECT count(*) FROM caredesk_snapshots) || ' ' || "
            + "(SELECT count(*) FROM caredesk_appointments) || ' ' || (SELECT count(*) FROM caredesk_handled) || ' ' || "
            + "(SELECT count(*) FROM caredesk_outbox) || ' ' || (SELECT md5(string_agg(md5(state), '' ORDER BY generation)) FROM caredesk_snapshots)"
        let before = try pg.psql(tables, database: "migrated")
        let again = try CareDeskBinary.run(["migrate", "--data", data.path, "--to", url])
        #expect(again.status != 0, "\(again.stdout)")
        #expect(again.stderr.contains("already holds a CareDesk store"), "\(again.stderr)")
        #expect(try pg.psql(tables, database: "migrated") == before)
        #expect(try shows(store: url) == fromDatabase)
    }

    /// A slot another writer holds in the database's own table (a row the desk's state never saw): a patient
    /// asking for it is told it is taken, with free slots near it, and no appointment is made there.
    @Test func aSlotTheDatabaseHoldsIsAnsweredAsTakenWithAlternatives() throws {
        let desks = try PostgresDesks("taken")
        defer { desks.stop() }
        let mailer = try desks.folder("mailer")
        let patient = try registerPatients(count: 1, data: mailer, root: desks.root, now: Self.now,
                                           environment: ["CAREDESK_DATABASE_URL": desks.url])[0]

        // "Tue 10:00" as the desk reads it at the fixed clock: the next Tuesday, 10:00 in the clinic's time (IST).
        let now = try #require(ISO8601DateFormatter().date(from: Self.now))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "Asia/Kolkata"))
        let start = try #require(calendar.nextDate(after: now, matching: DateComponents(hour: 10, minute: 0, weekday: 3),
                                                   matchingPolicy: .strict))
        let end = start.addingTimeInterval(30 * 60)
        let utc = ISO8601DateFormatter()
        #expect(utc.string(from: start) == "2026-03-03T04:30:00Z")
        try desks.pg.psql("INSERT INTO caredesk_appointments VALUES ('OTHER1','rao',tstzrange('\(utc.string(from: start))',"
                          + "'\(utc.string(from: end))','[)'),true)", database: desks.database)

        let maildir = desks.root.appendingPathComponent("book-mail")
        try makeMaildir(at: maildir, messages: [mail(from: patient, subject: "booking", body: Self.book, id: "taken-1@example.in")])
        let run = try desks.run(["ingest"], data: mailer, ["--now", Self.now, maildir.path])
        #expect(run.status == 0, "\(run.stderr)")
        let reply = try #require(try desks.replies(in: [mailer]).first(where: { $0.inReplyTo == "taken-1@example.in" }), "\(run.stdout)")
        #expect(reply.text.contains("That slot is already booked.") && reply.text.contains("The nearest free slots"), "\(reply.text)")
        #expect(!reply.text.contains("Booked: Dr Suresh Rao"), "\(reply.text)")

        let iso = ISO8601DateFormatter()
        let appointments = try desks.show("appointments")
        #expect(!appointments.contains(where: { iso.date(from: $0["start"] ?? "") == start }), "\(appointments)")
        #expect(try desks.pg.psql("SELECT string_agg(ref, ',') FROM caredesk_appointments WHERE during && "
                                  + "tstzrange('\(utc.string(from: start))','\(utc.string(from: end))','[)')",
                                  database: desks.database) == "OTHER1")
    }
}
