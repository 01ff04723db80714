import Clinic
import Foundation
import Testing
@testable import Desk

/// Event webhooks: bookings, cancellations, moves and reminders become signed calls to the configured
/// endpoints, queued in the same commit as what caused them; an endpoint answering 410 is switched off.
@Suite struct EventWebhookTests {
    static let secret = "whsec_" + Data("endpoint secret".utf8).base64EncodedString()
    static let all = EventEndpoint(url: "https://his.example/hooks", secret: secret)
    static let bookingsOnly = EventEndpoint(url: "https://billing.example/in", secret: secret, events: ["appointment.booked"])

    func calls(_ fixture: DeskFixture, to url: String) throws -> [[String: Any]] {
        try fixture.desk.state.outbox.values.filter { $0.channel == .webhook && $0.recipients == [url] }
            .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
            .map { try #require(try JSONSerialization.jsonObject(with: Data($0.data.utf8)) as? [String: Any]) }
    }

    @Test func bookingsCancellationsMovesAndRemindersAreCalledOut() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        fixture.desk.eventEndpoints = [Self.all, Self.bookingsOnly]
        _ = try fixture.desk.handle([DeskFixture.mail("BOOK Dr Rao Tue 10:00 chest pain")], now: DeskFixture.now)
        let ref = try #require(fixture.desk.state.clinic?.appointments.values.first?.ref)
        _ = try fixture.desk.handle([DeskFixture.mail("RESCHEDULE \(ref) Tue 11:00")], now: DeskFixture.now + 60)
        let start = try #require(fixture.desk.state.clinic?.appointment(ref: ref)?.start)
        try fixture.desk.queueReminders(now: start - 120 * 60, minutesBefore: [120])
        _ = try fixture.desk.handle([DeskFixture.mail("CANCEL \(ref)")], now: start - 100 * 60)

        let told = try calls(fixture, to: Self.all.url)
        #expect(told.map { $0["type"] as? String } == ["appointment.booked", "appointment.rescheduled", "reminder.sent", "appointment.cancelled"])
        let booked = try #require(told.first?["data"] as? [String: String])
        #expect(booked["ref"] == ref && booked["doctor"] == "rao" && booked["patient"] == "P1" && booked["status"] == "confirmed")
        #expect(booked["start"] == "2026-03-03T04:30:00Z")
        let moved = try #require(told[1]["data"] as? [String: String])
        #expect(moved["previousStart"] == "2026-03-03T04:30:00Z" && moved["start"] == "2026-03-03T05:30:00Z")
        #expect((told[2]["data"] as? [String: String])?["minutesBefore"] == "120")
        #expect((told[3]["data"] as? [String: String])?["status"] == "cancelled-by-patient")
        let everything = fixture.desk.state.outbox.values.filter { $0.channel == .webhook }.map(\.data).joined()
        #expect(!everything.contains("Priya") && !everything.contains("chest") && !everything.contains(DeskFixture.patient), "no patient details")
        #expect(try calls(fixture, to: Self.bookingsOnly.url).map { $0["type"] as? String } == ["appointment.booked"])
    }

    @Test func aCashPaymentIsCalledOutWithItsAmount() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        fixture.desk.eventEndpoints = [Self.all, Self.bookingsOnly]
        _ = try fixture.desk.handle([DeskFixture.mail("BOOK Dr Rao Tue 10:00")], now: DeskFixture.now)
        let ref = try #require(fixture.desk.state.clinic?.appointments.values.first?.ref)
        _ = try fixture.desk.handle([DeskFixture.mail("PAID \(ref) CASH", from: "desk@kanchicare.example")], now: DeskFixture.now + 60)
        let told = try calls(fixture, to: Self.all.url)
        #expect(told.map { $0["type"] as? String } == ["appointment.booked", "appointment.paid"])
        let paid = try #require(told.last?["data"] as? [String: String])
        #expect(paid["ref"] == ref && paid["amount"] == "800" && paid["currency"] == "INR" && paid["method"] == "cash", "\(paid)")
        #expect(try calls(fixture, to: Self.bookingsOnly.url).count == 1)
    }

    @Test func aCardPaymentAndItsRefundAreCalledOut() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        fixture.desk.eventEndpoints = [Self.all]
        fixture.desk.payments = try OnlinePayments(linkSecret: String(repeating: "k", count: 40), publicURL: "https://desk.kanchicare.example")
        _ = try fixture.desk.handle([DeskFixture.mail("BOOK Dr Rao Tue 10:00")], now: DeskFixture.now)
        let ref = try #require(fixture.desk.state.clinic?.appointments.values.first?.ref)
        try fixture.desk.reportPayments([(key: "evt_1", report: .succeeded(ref: ref, intentID: "pi_1", amount: Money(major: 800), currency: "inr"))],
                                        now: DeskFixture.now + 60)
        _ = try fixture.desk.handle([DeskFixture.mail("CANCEL \(ref)")], now: DeskFixture.now + 120)
        try fixture.desk.reportPayments([(key: "evt_2", report: .refunded(ref: ref, refundID: "re_1", amount: Money(major: 800)))],
                                        now: DeskFixture.now + 180)
        let told = try calls(fixture, to: Self.all.url)
        #expect(told.map { $0["type"] as? String } == ["appointment.booked", "appointment.paid", "appointment.cancelled", "appointment.refunded"])
        let paid = try #require(told[1]["data"] as? [String: String])
        #expect(paid["method"] == "card" && paid["amount"] == "800", "\(paid)")
        let refunded = try #require(told[3]["data"] as? [String: String])
        #expect(refunded["amount"] == "800" && refunded["refund"] == "re_1" && refunded["refundedInAll"] == "800" && refunded["currency"] == "INR",
                "\(refunded)")
    }

    @Test func anEndpointAnswering410IsSwitchedOffAndTheDeskTold() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        fixture.desk.eventEndpoints = [Self.all]
        _ = try fixture.desk.handle([DeskFixture.mail("BOOK Dr Rao Tue 10:00")], now: DeskFixture.now)
        _ = try fixture.desk.handle([DeskFixture.mail("BOOK Dr Rao Tue 11:00")], now: DeskFixture.now)
        let first = try #require(fixture.desk.state.outbox.values.filter { $0.channel == .webhook }.min { $0.id < $1.id })
        _ = try fixture.desk.claimDue(now: DeskFixture.now)
        _ = try fixture.desk.recordAttempts([(first.id, .gone("HTTP 410 Gone: the endpoint is switched off"))], policy: RetryPolicy(),
                                            now: DeskFixture.now)
        let state = fixture.desk.state
        #expect(state.disabledEndpoints == [Self.all.url])
        #expect(state.outbox.values.filter { $0.channel == .webhook }.allSatisfy { $0.state == .failed })
        let told = state.outbox.values.filter { $0.purpose == .notice && $0.recipients == ["desk@kanchicare.example"] }
        #expect(told.count == 1 && told.first?.data.contains("410 Gone") == true)
        // Nothing more is queued for it, and the switch survives a snapshot.
        _ = try fixture.desk.handle([DeskFixture.mail("BOOK Dr Rao Tue 12:00")], now: DeskFixture.now)
        #expect(state.outbox.values.filter { $0.channel == .webhook }.count == fixture.desk.state.outbox.values.filter { $0.channel == .webhook }.count)
        #expect(try DeskState(snapshotData: try fixture.desk.state.snapshotData()).disabledEndpoints == [Self.all.url])
    }
}
