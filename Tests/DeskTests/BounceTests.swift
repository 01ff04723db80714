import Clinic
import Foundation
import Testing
@testable import Desk

@Suite struct BounceTests {
    /// A Postfix-style delivery-status report for `recipient`, delivered to `bounceAddress`.
    static func report(to bounceAddress: String, recipient: String, action: String = "failed", status: String = "5.1.1") -> InboundMessage {
        let raw = """
            Return-Path: <>
            Delivered-To: \(bounceAddress)
            From: MAILER-DAEMON@mx.example.in (Mail Delivery System)
            To: \(bounceAddress)
            Subject: Undelivered Mail Returned to Sender
            Message-ID: <\(UUID().uuidString)@mx.example.in>
            Auto-Submitted: auto-replied
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="B1"

            --B1
            Content-Type: text/plain

            I'm sorry to have to inform you that your message could not be delivered.

            --B1
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.in

            Final-Recipient: rfc822; \(recipient)
            Action: \(action)
            Status: \(status)
            Diagnostic-Code: smtp; 550 5.1.1 <\(recipient)>: Recipient address rejected

            --B1--

            """
        return InboundMessage(raw: Data(raw.utf8))
    }

    /// The fixture's patient books Tue 8:30 and is sent a reminder two hours before; returns the start and the reminder.
    func bookAndRemind(_ fixture: DeskFixture) throws -> (start: Int64, reminder: OutboxMessage) {
        _ = try fixture.desk.handle([DeskFixture.mail("BOOK Dr Kumar Tue 8:30")], now: DeskFixture.now)
        let start = try #require(fixture.desk.state.clinic?.appointments.values.first?.start)
        try fixture.desk.queueReminders(now: start - 120 * 60, minutesBefore: [120])
        return (start, try #require(fixture.desk.state.outbox.values.first { $0.purpose == .notice }))
    }

    @Test func aBouncedNoticeMarksTheAddressAndTellsTheDesk() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let (start, reminder) = try bookAndRemind(fixture)

        let reports = try fixture.desk.handle([Self.report(to: fixture.desk.bounceSigner.sign(reminder.envelopeFrom), recipient: DeskFixture.patient)], now: start - 110 * 60)
        guard case .silent = reports.first?.result else { Issue.record("a report is never answered"); return }
        let state = fixture.desk.state
        #expect(state.outbox[reminder.id]?.state == .failed)
        #expect(state.undeliverable.contains(DeskFixture.patient))
        let told = state.outbox.values.filter { $0.purpose == .notice && $0.recipients == ["desk@kanchicare.example"] }
        #expect(told.count == 1 && told.first?.data.contains("5.1.1") == true)

        // Mail to that address now fails without an attempt …
        _ = try fixture.desk.handle([DeskFixture.mail("APPOINTMENTS", from: "someone@example.in")], now: start - 100 * 60)
        let courier = ScriptedCourier([])
        _ = try DeliveryPass(desk: fixture.desk, policy: RetryPolicy(), couriers: [courier]).run(now: start - 100 * 60)
        #expect(courier.handed.count == 2, "the desk's notice and the other patient's reply; nothing to the bounced address")
        // … until its owner writes in again.
        _ = try fixture.desk.handle([DeskFixture.mail("APPOINTMENTS")], now: start - 90 * 60)
        #expect(!fixture.desk.state.undeliverable.contains(DeskFixture.patient))
    }

    @Test func aBroadcastCountsABouncedPatientAsNotReachableAndSendsThemNothing() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let (start, reminder) = try bookAndRemind(fixture)
        _ = try fixture.desk.handle([Self.report(to: fixture.desk.bounceSigner.sign(reminder.envelopeFrom), recipient: DeskFixture.patient)], now: start - 110 * 60)
        let before = fixture.desk.state.outbox.count

        let reports = try fixture.desk.handle([DeskFixture.mail("BROADCAST Tue the lift is out of order", from: "desk@kanchicare.example")],
                                              now: start - 100 * 60)
        let text = try #require(reports.first?.replyText)
        #expect(text.contains("goes to 0 patient(s) by mail"), "\(text)")
        #expect(text.contains("Not reachable (no mail address or phone number, or their mail bounced or number opted out of SMS): 1 patient(s)."), "\(text)")
        #expect(fixture.desk.state.outbox.count == before + 1, "the desk's reply only: no notice to the bounced address")

        let cancelled = try fixture.desk.handle([DeskFixture.mail("BROADCAST CANCEL ALL Tue power cut", from: "desk@kanchicare.example")],
                                                now: start - 90 * 60)
        let summary = try #require(cancelled.first?.replyText)
        #expect(!summary.contains("Told by mail") && summary.contains("their mail bounced or number opted out of SMS; please call them"), "\(summary)")
    }

    /// The bounce address a notice is sent from carries an HMAC of its id: a report to the address without
    /// it (which anyone could work out from the notice's cause) or with a wrong one changes nothing.
    @Test func aForgedBounceChangesNothing() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let (start, reminder) = try bookAndRemind(fixture)
        let signed = fixture.desk.bounceSigner.sign(reminder.envelopeFrom)
        #expect(signed != reminder.envelopeFrom && signed.hasPrefix("bounces+\(reminder.id)."))
        let wrongTag = String(signed.prefix(while: { $0 != "." })) + ".0000000000000000@kanchicare.example"
        for forged in [reminder.envelopeFrom, wrongTag] {
            let reports = try fixture.desk.handle([Self.report(to: forged, recipient: DeskFixture.patient)], now: start - 110 * 60)
            #expect(reports.allSatisfy { if case .silent = $0.result { true } else { false } })
        }
        #expect(fixture.desk.state.undeliverable.isEmpty)
        #expect(fixture.desk.state.outbox[reminder.id]?.state == reminder.state)
    }

    @Test func aDelayReportOrAReportForAnUnknownMessageChangesNothing() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let delayed = Self.report(to: "bounces+0123@kanchicare.example", recipient: DeskFixture.patient, action: "delayed", status: "4.4.1")
        let unknown = Self.report(to: "desk@kanchicare.example", recipient: DeskFixture.patient)
        let reports = try fixture.desk.handle([delayed, unknown], now: DeskFixture.now)
        #expect(reports.allSatisfy { if case .silent = $0.result { true } else { false } })
        #expect(fixture.desk.state.undeliverable.isEmpty && fixture.desk.state.outbox.isEmpty)
    }
}
