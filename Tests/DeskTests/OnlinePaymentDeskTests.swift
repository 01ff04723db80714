import Clinic
import Foundation
import Logging
import Mail
import Testing
@testable import Desk

/// Payments online through the desk, without the network: the held booking's reply and pay link, the
/// PaymentIntent queued for the outbox once per attempt (its id the Idempotency-Key), Stripe's answer
/// recorded, the receipt, the desk told of a payment that does not match, reports recorded once, holds
/// released, refunds queued, and everything kept by the snapshot.
@Suite struct OnlinePaymentDeskTests {
    func fixture() throws -> DeskFixture {
        let fixture = try DeskFixture()
        fixture.desk.payments = try OnlinePayments(linkSecret: String(repeating: "k", count: 40), publicURL: "https://desk.kanchicare.example/")
        return fixture
    }

    func stripeCalls(_ desk: Desk) -> [StripeRequest] {
        desk.state.outbox.pending.filter { $0.channel == .stripe }
            .compactMap { try? JSONDecoder().decode(StripeRequest.self, from: Data($0.data.utf8)) }
    }

    /// A patient who chose Tamil: the held booking's reply, the pay page the link opens and the receipt are Tamil.
    @Test func aTamilPatientPaysOnATamilPage() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        let desk = fixture.desk
        let booked = try desk.handle([DeskFixture.mail("LANG TA\nBOOK Dr Rao Tue 10:00")], now: DeskFixture.now)
        let reply = try #require(booked.first?.replyText)
        #expect(reply.contains("தமிழ்") && reply.contains("திங்கள் 2 மார்ச் 2026, 09:30 IST") && !reply.contains("Held for you"), "\(reply)")
        let ref = try #require(desk.state.clinic?.dues.keys.first)
        let call = try #require(desk.state.outbox.pending.first { $0.channel == .stripe })
        try desk.recordAttempts([(call.id, .answered(.intentCreated(ref: ref, attempt: 1, intentID: "pi_1", clientSecret: "pi_1_secret_a")))],
                                policy: RetryPolicy(), now: DeskFixture.now + 5)
        let page = desk.payPage(ref: ref, now: DeskFixture.now + 10, publishableKey: "pk_test_x", script: "https://js.stripe.com/v3/")
        #expect(page.status == 200 && page.html.contains("<html lang=\"ta\">") && page.html.contains("செவ்வாய் 3 மார்ச் 2026"), "\(page.html)")
        #expect(page.html.contains("data-secret=\"pi_1_secret_a\""))
        try desk.reportPayments([(key: "stripe event evt_1", report: .succeeded(ref: ref, intentID: "pi_1", amount: Money(major: 800), currency: "inr"))],
                                now: DeskFixture.now + 60)
        #expect(desk.state.outbox.pending.contains { MailMessage.parse($0.data).subject == "ரசீது: \(ref) — ₹800" })
        let paidPage = desk.payPage(ref: ref, now: DeskFixture.now + 70, publishableKey: "pk_test_x", script: "https://js.stripe.com/v3/")
        #expect(paidPage.html.contains("<html lang=\"ta\">") && !paidPage.html.contains("Thank you"), "\(paidPage.html)")
    }

    @Test func aHeldBookingQueuesItsPaymentIntentAndTheAnswerIsRecorded() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        let desk = fixture.desk
        let booked = try desk.handle([DeskFixture.mail("BOOK Dr Rao Tue 10:00")], now: DeskFixture.now)
        let reply = try #require(booked.first?.replyText)
        #expect(reply.contains("Held for you: Dr Suresh Rao") && reply.contains("Pay ₹800 by Mon 2 Mar 2026, 09:30 IST"), "\(reply)")
        #expect(reply.contains("Pay here: https://desk.kanchicare.example/pay/"), "\(reply)")
        let ref = try #require(desk.state.clinic?.dues.keys.first)
        let calls = stripeCalls(desk)
        #expect(calls == [StripeRequest(kind: .paymentIntent, ref: ref, attempt: 1, amount: 80_000, currency: "inr")])
        let call = try #require(desk.state.outbox.pending.first { $0.channel == .stripe })

        // Stripe's answer, recorded with the attempt: the page can offer the form.
        let updates = try desk.recordAttempts([(call.id, .answered(.intentCreated(ref: ref, attempt: 1, intentID: "pi_1", clientSecret: "pi_1_secret_a")))],
                                              policy: RetryPolicy(), now: DeskFixture.now + 5)
        #expect(updates.map(\.state) == [.sent])
        #expect(desk.state.clinic?.dues[ref]?.clientSecret == "pi_1_secret_a")
        let page = desk.payPage(ref: ref, now: DeskFixture.now + 10, publishableKey: "pk_test_x", script: "https://js.stripe.com/v3/")
        #expect(page.status == 200 && page.html.contains("data-secret=\"pi_1_secret_a\"") && !page.html.contains("Priya"), "\(page.html)")

        // Paid: once, with a receipt; the same event again records nothing.
        let paid: [(key: String, report: PaymentReport)] = [(key: "stripe event evt_1",
                                                              report: .succeeded(ref: ref, intentID: "pi_1", amount: Money(major: 800), currency: "inr"))]
        #expect(try desk.reportPayments(paid, now: DeskFixture.now + 60).isEmpty)
        #expect(try desk.reportPayments(paid, now: DeskFixture.now + 61) == ["stripe event evt_1"])
        let receipts = desk.state.outbox.pending.filter { MailMessage.parse($0.data).subject.hasPrefix("Receipt: ₹800 for \(ref)") }
        #expect(receipts.count == 1, "\(desk.state.outbox.pending.map(\.data))")
        #expect(desk.state.clinic?.payments[ref]?.intentID == "pi_1")
        // Paid again through another PaymentIntent: that one goes back whole, the first stays.
        try desk.reportPayments([(key: "stripe event evt_2", report: .succeeded(ref: ref, intentID: "pi_2", amount: Money(major: 800), currency: "inr"))],
                                now: DeskFixture.now + 62)
        #expect(stripeCalls(desk).filter { $0.kind == .refund }
            == [StripeRequest(kind: .refund, ref: ref, amount: 80_000, currency: "inr", intentID: "pi_2", extra: true)])

        // Kept by the snapshot.
        try desk.store.compact()
        let reopened = try Desk(dataFolder: fixture.folder, templates: try ReplyTemplates(directory: DeskFixture.packageRoot.appendingPathComponent("Templates")),
                                logger: Logger(label: "test"))
        #expect(reopened.state.clinic?.payments == desk.state.clinic?.payments && reopened.state.clinic?.dues == desk.state.clinic?.dues)
    }

    @Test func aPaymentThatDoesNotMatchIsNotMarkedPaidAndTheDeskIsTold() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        let desk = fixture.desk
        _ = try desk.handle([DeskFixture.mail("BOOK Dr Rao Tue 10:00")], now: DeskFixture.now)
        let ref = try #require(desk.state.clinic?.dues.keys.first)
        try desk.reportPayments([(key: "stripe event evt_short", report: .succeeded(ref: ref, intentID: "pi_1", amount: Money(major: 8), currency: "inr"))],
                                now: DeskFixture.now + 60)
        #expect(desk.state.clinic?.payments.isEmpty == true && desk.state.clinic?.dues[ref] != nil)
        let alert = try #require(desk.state.outbox.pending.first { $0.recipients == ["desk@kanchicare.example"] })
        #expect(alert.data.contains("Check the payment for \(ref)") && alert.data.contains("8 INR"), "\(alert.data)")
    }

    @Test func anUnpaidHoldIsReleasedAndAPaidCancellationQueuesItsRefund() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        let desk = fixture.desk
        _ = try desk.handle([DeskFixture.mail("BOOK Dr Rao Tue 10:00\nBOOK Dr Rao Tue 11:00")], now: DeskFixture.now)
        let refs = try #require(desk.state.clinic?.dues.keys.sorted())
        #expect(refs.count == 2 && desk.holdsEnding(by: DeskFixture.now + 1800).count == 2 && desk.holdsEnding(by: DeskFixture.now).isEmpty)
        try desk.reportPayments([(key: "evt_paid", report: .succeeded(ref: refs[0], intentID: "pi_9", amount: Money(major: 800), currency: "INR"))],
                                now: DeskFixture.now + 60)
        #expect(try desk.endHolds(now: DeskFixture.now + 1799) == 0)
        #expect(try desk.endHolds(now: DeskFixture.now + 1800) == 1)
        #expect(desk.state.clinic?.appointment(ref: refs[1])?.status == .cancelledByClinic)
        #expect(desk.state.outbox.pending.contains { $0.data.contains("Subject: Released: Dr Suresh Rao") }, "the patient is told")

        let cancelled = try desk.handle([DeskFixture.mail("CANCEL \(refs[0])")], now: DeskFixture.now + 120)
        #expect(cancelled.first?.replyText?.contains("₹800 goes back to your card") == true, "\(cancelled)")
        let refund = stripeCalls(desk).filter { $0.kind == .refund }
        #expect(refund == [StripeRequest(kind: .refund, ref: refs[0], amount: 80_000, currency: "inr", intentID: "pi_9")])
    }
}

/// Stripe's events are in the audit trail, a line each, naming the appointment and no one.
@Suite struct PaymentAuditTests {
    @Test func aRecordedStripeEventLeavesItsLine() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        fixture.desk.payments = try OnlinePayments(linkSecret: String(repeating: "k", count: 40), publicURL: "https://desk.kanchicare.example")
        _ = try fixture.desk.handle([DeskFixture.mail("BOOK Dr Rao Tue 10:00")], now: DeskFixture.now)
        let ref = try #require(fixture.desk.state.clinic?.dues.keys.first)
        let paid: [(key: String, report: PaymentReport)] = [(key: "stripe event evt_audit", report: .succeeded(ref: ref, intentID: "pi_1",
                                                                                                            amount: Money(major: 800), currency: "inr"))]
        try fixture.desk.reportPayments(paid, now: DeskFixture.now + 60)
        try fixture.desk.reportPayments(paid, now: DeskFixture.now + 61)
        let trail = try String(contentsOf: AuditTrail.file(fixture.folder), encoding: .utf8)
        let lines = trail.split(separator: "\n").filter { $0.contains("evt_audit") }
        #expect(lines.count == 1 && lines[0].contains("\"payment succeeded\"") && lines[0].contains(ref) && lines[0].contains("\"P1\""), "\(trail)")
        #expect(!trail.contains(DeskFixture.patient) && !trail.contains("Priya"))
    }
}
