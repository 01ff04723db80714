import Clinic
import Foundation
import Testing
@testable import Desk

@Suite struct ReminderTests {
    /// Booked for Tue 3 Mar 2026 08:30 IST (Dr Kumar) at Mon 2 Mar 09:00 IST.
    func booked() throws -> (DeskFixture, start: Int64) {
        let fixture = try DeskFixture()
        _ = try fixture.desk.handle([DeskFixture.mail("BOOK Dr Kumar Tue 8:30")], now: DeskFixture.now)
        let start = try #require(fixture.desk.state.clinic?.appointments.values.first?.start)
        return (fixture, start)
    }

    func reminders(_ fixture: DeskFixture) -> [OutboxMessage] {
        fixture.desk.state.outbox.values.filter { $0.purpose == .notice }.sorted { $0.createdAt < $1.createdAt }
    }

    @Test func eachReminderOnceAtItsOffset() throws {
        let (fixture, start) = try booked()
        defer { fixture.remove() }
        let offsets = [1440, 120]
        #expect(try fixture.desk.queueReminders(now: start - 1441 * 60, minutesBefore: offsets) == 0, "not yet due")
        #expect(try fixture.desk.queueReminders(now: start - 1440 * 60, minutesBefore: offsets) == 1)
        #expect(try fixture.desk.queueReminders(now: start - 1000 * 60, minutesBefore: offsets) == 0, "the day-before one only once")
        #expect(try fixture.desk.queueReminders(now: start - 120 * 60, minutesBefore: offsets) == 1)
        #expect(try fixture.desk.queueReminders(now: start - 60 * 60, minutesBefore: offsets) == 0)
        let sent = reminders(fixture)
        #expect(sent.count == 2)
        let first = try #require(sent.first)
        #expect(first.recipients == [DeskFixture.patient])
        #expect(first.envelopeFrom == "bounces+\(first.id)@kanchicare.example")
        #expect(first.data.contains("Auto-Submitted: auto-generated"))
        #expect(first.data.contains("CANCEL "))
    }

    @Test func afterDowntimeOnlyTheLatestDueReminderGoes() throws {
        let (fixture, start) = try booked()
        defer { fixture.remove() }
        // Down from before the day-before reminder until an hour before: one reminder, not two.
        #expect(try fixture.desk.queueReminders(now: start - 60 * 60, minutesBefore: [1440, 120]) == 1)
        #expect(try fixture.desk.queueReminders(now: start - 30 * 60, minutesBefore: [1440, 120]) == 0)
        #expect(reminders(fixture).count == 1)
    }

    @Test func noReminderForCancelledOrPastAppointments() throws {
        let (fixture, start) = try booked()
        defer { fixture.remove() }
        #expect(try fixture.desk.queueReminders(now: start + 60, minutesBefore: [1440, 120]) == 0, "already started")
        let ref = try #require(fixture.desk.state.clinic?.appointments.values.first?.ref)
        _ = try fixture.desk.handle([DeskFixture.mail("CANCEL \(ref)")], now: DeskFixture.now + 60)
        #expect(try fixture.desk.queueReminders(now: start - 120 * 60, minutesBefore: [1440, 120]) == 0)
        #expect(reminders(fixture).isEmpty)
    }

    @Test func aRescheduledAppointmentIsRemindedAfresh() throws {
        let (fixture, start) = try booked()
        defer { fixture.remove() }
        #expect(try fixture.desk.queueReminders(now: start - 120 * 60, minutesBefore: [120]) == 1)
        let ref = try #require(fixture.desk.state.clinic?.appointments.values.first?.ref)
        _ = try fixture.desk.handle([DeskFixture.mail("RESCHEDULE \(ref) Tue 10:00")], now: start - 110 * 60)
        let moved = try #require(fixture.desk.state.clinic?.appointments[ref]?.start)
        #expect(try fixture.desk.queueReminders(now: moved - 120 * 60, minutesBefore: [120]) == 1)
    }
}
