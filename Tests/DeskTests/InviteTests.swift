import Foundation
import Mail
import Testing
@testable import Desk

/// Booking, rescheduling and cancelling replies carry invites that a real iCalendar parser (Python's
/// `icalendar`, through scripts/validate-ics.py) reads as one event: same UID, rising SEQUENCE.
@Suite struct InviteTests {
    struct Parsed: Decodable {
        let method: String?
        let uid: String?
        let sequence: Int?
        let dtstart: String?
        let status: String?
        let problems: [String]
    }

    func invite(in message: OutboxMessage) throws -> (MailAttachment, Parsed) {
        let mail = MailMessage.parse(Data(message.data.utf8))
        let part = try #require(mail.attachments.first { $0.contentType == "text/calendar" })
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("invite-\(UUID().uuidString).ics")
        try part.data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", DeskFixture.packageRoot.appendingPathComponent("scripts/validate-ics.py").path, file.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "validate-ics.py failed (is icalendar installed? make deps)")
        return (part, try JSONDecoder().decode(Parsed.self, from: data))
    }

    func reply(_ fixture: DeskFixture, _ text: String, at now: Int64) throws -> OutboxMessage {
        let reports = try fixture.desk.handle([DeskFixture.mail(text)], now: now)
        guard case .answered(let id) = try #require(reports.first).result else { throw CancellationError() }
        return try #require(fixture.desk.state.outbox[id])
    }

    @Test func bookRescheduleCancelAreOneCalendarEvent() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let booked = try invite(in: try reply(fixture, "BOOK Dr Rao Tue 10:00", at: DeskFixture.now))
        let ref = try #require(fixture.desk.state.clinic?.appointments.values.first?.ref)
        #expect(booked.1.problems.isEmpty)
        #expect(booked.1.method == "REQUEST" && booked.1.uid == "\(ref)@kanchicare.example" && booked.1.sequence == 0)
        #expect(booked.1.dtstart == "2026-03-03T10:00:00+05:30")
        #expect(booked.1.status == "CONFIRMED")

        let moved = try invite(in: try reply(fixture, "RESCHEDULE \(ref) Tue 11:00", at: DeskFixture.now + 60))
        #expect(moved.1.method == "REQUEST" && moved.1.uid == booked.1.uid && moved.1.sequence == 1)
        #expect(moved.1.dtstart == "2026-03-03T11:00:00+05:30")

        let message = try reply(fixture, "CANCEL \(ref)", at: DeskFixture.now + 120)
        let cancelled = try invite(in: message)
        #expect(cancelled.1.method == "CANCEL" && cancelled.1.uid == booked.1.uid && cancelled.1.sequence == 2)
        #expect(cancelled.1.status == "CANCELLED")
        #expect(message.data.contains("method=CANCEL"), "the MIME part names the iTIP method")
    }

    @Test func repliesWithoutAnAppointmentCarryNoInvite() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let message = try reply(fixture, "SLOTS Dr Rao Tue", at: DeskFixture.now)
        #expect(!message.data.contains("text/calendar"))
    }
}
