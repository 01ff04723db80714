import Foundation
import Logging
import Testing
@testable import Desk

/// The audit trail: a line per message, naming people only by pseudonym, kept apart from the journal (so a
/// compaction leaves it), 0600, and chained so that a line changed by hand shows.
struct AuditTrailTests {
    static let desk = "desk@kanchicare.example"

    func trailText(_ fixture: DeskFixture) throws -> String {
        String(decoding: try Data(contentsOf: AuditReading.file(fixture.folder)), as: UTF8.self)
    }

    /// Books for the patient, forges a desk command from the desk's address (held), then confirms it.
    func history(_ fixture: DeskFixture) throws {
        _ = try fixture.desk.handle([DeskFixture.mail("BOOK Dr Rao Tue 10:00 chest pain")], now: DeskFixture.now)
        let held = try fixture.desk.handle([DeskFixture.mail("BROADCAST Tue the lift is out of order", from: Self.desk, authenticated: false)],
                                           now: DeskFixture.now + 60)
        let text = try #require(held.first?.replyText)
        let found = try #require(text.range(of: #"CONFIRM [0-9]{6}"#, options: .regularExpression))
        _ = try fixture.desk.handle([DeskFixture.mail(String(text[found]), from: Self.desk, authenticated: false)], now: DeskFixture.now + 120)
        _ = try fixture.desk.handle([DeskFixture.mail("HELP", from: "stranger@example.org")], now: DeskFixture.now + 180)
    }

    @Test func eachMessageIsALineWithItsVerdictAndWhatItsCommandsDid() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        try history(fixture)
        let records = try AuditReading.records(fixture.folder)
        #expect(records.count == 4)
        #expect(records[0].sender == "P1" && records[0].role == "patient" && records[0].verdict == "authenticated")
        #expect(records[0].commands.first?.command == "book")
        #expect(records[0].commands.first?.did.hasPrefix("booked ") == true)
        #expect(records[1].sender == "desk" && records[1].verdict == "unauthenticated")
        #expect(records[1].commands.map(\.did) == ["held for CONFIRM"])
        #expect(records[2].sender == "desk" && records[2].verdict == "unauthenticated")
        #expect(records[2].commands.map(\.did) == ["confirmed", "broadcastSent"])
        #expect(records[3].role == "unknown" && records[3].sender.hasPrefix("h:"))
        #expect(try AuditReading.verify(fixture.folder) == .whole(lines: 4))
    }

    @Test func noLineHoldsANameAnAddressABodyOrAReason() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        try history(fixture)
        let text = try trailText(fixture)
        for secret in ["Priya", "Sharma", DeskFixture.patient, "stranger@example.org", Self.desk, "chest pain", "lift", "out of order"] {
            #expect(!text.contains(secret), "the trail holds \(secret)")
        }
    }

    @Test func theTrailSurvivesACompactionAndIsOnlyForItsOwner() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        try history(fixture)
        let before = try trailText(fixture)
        try fixture.desk.store.compact()
        #expect(try trailText(fixture) == before)
        _ = try fixture.desk.handle([DeskFixture.mail("APPOINTMENTS")], now: DeskFixture.now + 240)
        #expect(try AuditReading.verify(fixture.folder) == .whole(lines: 5))
        let file = try FileManager.default.attributesOfItem(atPath: AuditReading.file(fixture.folder).path)
        #expect((file[.posixPermissions] as? Int) == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: AuditReading.file(fixture.folder).deletingLastPathComponent().path)
        #expect((folder[.posixPermissions] as? Int) == 0o700)
    }

    @Test func aLineChangedByHandBreaksTheChainThere() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        try history(fixture)
        var lines = try trailText(fixture).split(separator: "\n").map(String.init)
        lines[1] = lines[1].replacingOccurrences(of: "\"unauthenticated\"", with: "\"authenticated\"")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: AuditReading.file(fixture.folder))
        guard case .broken(let line, _) = try AuditReading.verify(fixture.folder) else {
            Issue.record("the changed line went unnoticed")
            return
        }
        #expect(line == 2)
    }

    @Test func aTornLastLineIsCutOffBeforeTheNextAppend() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        try history(fixture)
        let file = AuditReading.file(fixture.folder)
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"at\":17".utf8))
        try handle.close()
        let templates = try ReplyTemplates(directory: DeskFixture.packageRoot.appendingPathComponent("Templates"))
        let reopened = try Desk(dataFolder: fixture.folder, templates: templates, logger: Logger(label: "test"))
        _ = try reopened.handle([DeskFixture.mail("APPOINTMENTS")], now: DeskFixture.now + 240)
        #expect(try AuditReading.verify(fixture.folder) == .whole(lines: 5))
    }

    @Test func auditFromTheDeskMailsThePatientsLinesAndWaitsForConfirmWhenUnvouched() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        try history(fixture)
        let held = try fixture.desk.handle([DeskFixture.mail("AUDIT P1", from: Self.desk, authenticated: false)], now: DeskFixture.now + 300)
        #expect(held.first?.replyText?.contains("CONFIRM") == true)
        #expect(held.first?.replyText?.contains("audit-P1.jsonl") == false)

        let answered = try fixture.desk.handle([DeskFixture.mail("AUDIT P1", from: Self.desk)], now: DeskFixture.now + 360)
        let report = try #require(answered.first)
        #expect(report.replyText?.contains("The audit trail of patient P1 is attached (audit-P1.jsonl): 2 message(s)") == true)  // the BOOK, and the AUDIT held
        guard case .answered(let id) = report.result, let reply = fixture.desk.state.outbox[id] else {
            Issue.record("no reply queued")
            return
        }
        #expect(reply.data.contains("application/x-ndjson"))
        let records = try AuditReading.records(fixture.folder)
        #expect(records.last?.commands.first == AuditCommand(command: "audit", did: "audit trail sent", target: "P1"))
        #expect(records.last?.verdict == "authenticated")
    }
}

/// The trail's lines are written by hand for speed: byte for byte what JSONEncoder with sorted keys writes.
@Suite struct AuditLineFormTests {
    @Test func aLineIsWhatJSONEncoderWrites() throws {
        let entry = AuditEntry(key: "<a\"b\\c/d\n\t\u{1}é@example.in>", channel: "email", sender: "h:0123", role: "patient",
                               verdict: "unauthenticated", handled: "answered",
                               commands: [AuditCommand(command: "book", did: "booked A7K2Q", target: "A7K2Q", patient: nil),
                                          AuditCommand(command: "cancel", did: "cancelled", target: nil, patient: "P1")])
        let record = AuditRecord(entry, at: 1_772_422_200, prev: "ab")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(try record.line() == (try encoder.encode(record)))
        var bare = record
        bare.hash = nil
        #expect(Data(record.canonical(withHash: false)) == (try encoder.encode(bare)))
    }
}
