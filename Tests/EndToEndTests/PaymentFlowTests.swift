import Foundation
import Testing

/// Paying at booking end to end: the built binary's `serve` against localstripe. A booking holds its slot,
/// the outbox makes its PaymentIntent, the patient pays, localstripe's signed webhook marks it paid and a
/// receipt goes out; a declined card is told plainly with a link that works; an unpaid hold is released by
/// tick; cancellations refund by the rule, the clinic's in full; forged, stale and replayed events and
/// tampered links change nothing.
@Suite(.serialized) struct PaymentFlowTests {
    @Test func aHeldBookingIsPaidByCardAndMarkedPaidByTheSignedWebhook() async throws {
        let desk = try PaymentDesk.start("pay-held")
        defer { desk.stop() }
        let (priya, ravi) = (desk.patients[0], desk.patients[1])
        let held = try desk.send("BOOK Dr Rao Tue 10:00", from: priya)
        #expect(held.contains("Held for you: Dr Suresh Rao") && held.contains("Pay ₹800 by Mon 2 Mar 2026, 09:30 IST"), "\(held)")
        let token = try PaymentDesk.token(in: held)
        #expect(held.contains("\(PaymentDesk.publicURL)/pay/\(token)"))

        // Nobody else takes a held slot.
        let taken = try desk.send("BOOK Dr Rao Tue 10:00", from: ravi)
        #expect(taken.contains("That slot is already booked"), "\(taken)")

        // The page: the summary and the card form, nothing about the patient; reading it changes nothing.
        let intent = try await desk.intent(for: token)
        let page = try await desk.page(token)
        #expect(page.status == 200 && page.html.contains("Dr Suresh Rao") && page.html.contains("Tue 3 Mar 2026, 10:00–10:30 IST")
                && page.html.contains("₹800") && page.html.contains("data-key=\"pk_test_caredesk\"")
                && page.html.contains("\(desk.stripe.baseURL)/js.stripe.com/v3/"), "\(page.html)")
        #expect(!page.html.contains("Patient Number") && !page.html.contains("patient0@"), "no patient details on the page")
        let unpaid = try desk.send("APPOINTMENTS", from: priya)
        #expect(unpaid.contains("unpaid, held until Mon 2 Mar 2026, 09:30 IST"), "\(unpaid)")

        // Paid: localstripe's signed event marks it, and the receipt goes out.
        let paid = try desk.pay(intent)
        #expect(paid.status == 200 && paid.body.contains("\"succeeded\""), "\(paid.body)")
        let receipt = try #require(try desk.notice(to: priya, subject: "Receipt: ₹800").first, "no receipt: \(desk.server.stderr)")
        #expect(receipt.contains("₹800 (card)") && receipt.contains("Dr Suresh Rao, Tue 3 Mar 2026, 10:00–10:30 IST"), "\(receipt)")
        #expect(try desk.send("APPOINTMENTS", from: priya).contains("— paid"))
        // The month's money: the doctor's EARNINGS and the desk's REPORT count the card payment.
        let earnings = try desk.send("EARNINGS MARCH", from: "rao@kanchicare.example")
        #expect(earnings.contains("paid online ₹800"), "\(earnings)")
        let report = try desk.send("REPORT March", from: "desk@kanchicare.example")
        #expect(report.contains("collected ₹800"), "\(report)")
        let after = try await desk.page(token)
        #expect(after.html.contains("<b>Paid.</b>") && !after.html.contains("data-secret"))

        // A changed link is refused with a plain page; a foreign one too.
        var tampered = Array(token)
        tampered[tampered.count / 2] = tampered[tampered.count / 2] == "A" ? "B" : "A"
        let refused = try await desk.page(String(tampered))
        #expect(refused.status == 404 && refused.html.contains("This payment link is not valid") && !refused.html.contains("Dr Suresh Rao"))
        #expect(try await desk.page("not-a-token").status == 404)

        // The same event again, an unsigned, a wrongly signed and a stale one: nothing more happens.
        let event = """
            {"id":"evt_replayed","type":"payment_intent.succeeded","data":{"object":{"id":"\(intent)","amount":80000,"currency":"inr","metadata":{"ref":"\(try #require(held.firstMatch(of: /Reference: ([A-Z0-9]{5})/)?.1))"}}}}
            """
        #expect(try await desk.postEvent(event).body.contains("duplicate") == false)
        let again = try await desk.postEvent(event)
        #expect(again.status == 200 && again.body.contains("duplicate"), "\(again)")
        #expect(try await desk.postEvent(event, secret: nil).status == 400)
        #expect(try await desk.postEvent(event, secret: "whsec_someone_else").status == 400)
        #expect(try await desk.postEvent(event, timestamp: Int(Date().timeIntervalSince1970) - 600).status == 400)
        #expect(try await desk.postEvent("{\"not\":\"an event\"}").status == 400)
        #expect(try desk.notice(to: priya, subject: "Receipt").count == 1, "one receipt, however often told")
    }

    @Test func aDeclinedCardIsToldPlainlyWithALinkThatWorksAndAnUnpaidHoldIsReleased() async throws {
        let desk = try PaymentDesk.start("pay-declined")
        defer { desk.stop() }
        let priya = desk.patients[0]
        let held = try desk.send("BOOK Dr Rao Tue 11:00", from: priya)
        let token = try PaymentDesk.token(in: held)
        let first = try await desk.intent(for: token)
        let declined = try desk.pay(first, card: "pm_card_chargeCustomerFail")
        #expect(declined.status == 402, "\(declined.body)")
        let told = try #require(try desk.notice(to: priya, subject: "Your payment for").first, "not told: \(desk.server.stderr)")
        #expect(told.contains("did not go through: the card was declined by its bank") && told.contains("The slot stays held for you until"),
                "\(told)")
        // The link in the notice works: a fresh PaymentIntent, paid this time.
        let again = try PaymentDesk.token(in: told)
        var second = first
        _ = try await eventuallyAsync { second = try await desk.intent(for: again); return second != first }
        #expect(second != first, "a new attempt gets a new PaymentIntent")
        #expect(try desk.pay(second).status == 200)
        #expect(try desk.notice(to: priya, subject: "Receipt").count == 1)

        // Another hold, never paid: tick after its deadline asks Stripe, then releases it.
        let ravi = desk.patients[1]
        let unpaid = try desk.send("BOOK Dr Rao Tue 11:30", from: ravi)
        _ = try await desk.intent(for: try PaymentDesk.token(in: unpaid))
        let early = try CareDeskBinary.run(["tick", "--data", desk.data.path, "--now", "2026-03-02T09:29:00+05:30", "--no-deliver"],
                                           environment: desk.environment)
        #expect(!early.stdout.contains("released"), "\(early.stdout)")
        let tick = try CareDeskBinary.run(["tick", "--data", desk.data.path, "--now", "2026-03-02T09:31:00+05:30"], environment: desk.environment)
        #expect(tick.status == 0 && tick.stdout.contains("1 unpaid hold released"), "\(tick.stdout) \(tick.stderr)")
        let released = try #require(try desk.notice(to: ravi, subject: "Released:").first)
        #expect(released.contains("was not paid for in time") && released.contains("PAY") && released.contains("SLOTS Rao"), "\(released)")
        #expect(try desk.send("PAY", from: ravi).contains("No pay link"))
        // The slot is free again; the paid one is not touched.
        #expect(try desk.send("BOOK Dr Rao Tue 11:30", from: priya).contains("Held for you"))
        #expect(try desk.send("APPOINTMENTS", from: priya).contains("— paid"))
    }

    @Test func cancellationsRefundByTheRuleAndInFullWhenTheClinicCancels() async throws {
        let desk = try PaymentDesk.start("pay-refunds")
        defer { desk.stop() }
        let (priya, ravi) = (desk.patients[0], desk.patients[1])
        // Two paid appointments: Tuesday's (25 hours ahead) and today's noon (3 hours ahead).
        var refs: [String: String] = [:]
        for (who, when) in [(priya, "Tue 10:00"), (ravi, "Mon 12:00")] {
            let held = try desk.send("BOOK Dr Rao \(when)", from: who)
            refs[who] = String(try #require(held.firstMatch(of: /Reference: ([A-Z0-9]{5})/)?.1))
            #expect(try desk.pay(try await desk.intent(for: try PaymentDesk.token(in: held))).status == 200)
            _ = try desk.notice(to: who, subject: "Receipt")
        }
        // Ravi cancels three hours ahead: the rule gives half back.
        let late = try desk.send("CANCEL \(refs[ravi]!)", from: ravi)
        #expect(late.contains("₹400 goes back to your card"), "\(late)")
        // Dr Rao cancels his Tuesday (CANCEL DAY): Priya gets all of it back, and the notice says so.
        let day = try desk.send("CANCEL DAY Tue unwell", from: "rao@kanchicare.example")
        #expect(day.contains("Cancelled"), "\(day)")
        let notice = try #require(try desk.notice(to: priya, subject: "Cancelled:").first)
        #expect(notice.contains("₹800 goes back to your card"), "\(notice)")

        // Both refunds reach Stripe, never more than was paid.
        var refunds: [Int] = []
        _ = try eventually {
            let list = try desk.stripeCall("/v1/refunds?limit=10").body
            refunds = list.matches(of: /"amount": ?(\d+)/).compactMap { Int($0.1) }
            return refunds.count >= 2
        }
        #expect(refunds.sorted() == [40000, 80000], "\(refunds) \(desk.server.stderr)")
        var shown = ""
        _ = try eventually { shown = try desk.send("APPOINTMENTS", from: priya); return shown.contains("₹800 refunded") && !shown.contains("on its way") }
        #expect(shown.contains("\(refs[priya]!): Dr Suresh Rao") && shown.contains("₹800 refunded"), "\(shown)")

        // A refund made in Stripe's dashboard reaches the desk by charge.refunded (localstripe sends none: the
        // event Stripe would send is signed here); the refund the desk asked for, listed again, counts once.
        func stripeRefunds() throws -> [[String: Any]] {
            let list = try JSONSerialization.jsonObject(with: Data(try desk.stripeCall("/v1/refunds?limit=10").body.utf8)) as? [String: Any]
            return list?["data"] as? [[String: Any]] ?? []
        }
        let half = try #require(try stripeRefunds().first { ($0["amount"] as? Int) == 40000 })
        let ravis = try #require(half["payment_intent"] as? String, "\(half)")
        let extra = try desk.stripeCall("/v1/refunds", form: [("payment_intent", ravis), ("amount", "10000")])
        #expect(extra.status == 200, "\(extra.body)")
        let data = try stripeRefunds().filter { ($0["payment_intent"] as? String) == ravis }
            .map { #"{"id":"\#($0["id"] as? String ?? "")","amount":\#($0["amount"] as? Int ?? 0)}"# }.joined(separator: ",")
        let event = #"{"id":"evt_charge_refunded_1","type":"charge.refunded","data":{"object":{"id":"ch_x","payment_intent":"\#(ravis)","currency":"inr","amount":80000,"refunds":{"data":[\#(data)]}}}}"#
        let answer = try await desk.postEvent(event)
        #expect(answer.status == 200 && answer.body.contains("recorded"), "\(answer)")
        #expect(try await desk.postEvent(event).body.contains("duplicate"))
        let ravisList = try desk.send("APPOINTMENTS", from: ravi)
        #expect(ravisList.contains("₹500 refunded") && !ravisList.contains("on its way"), "\(ravisList)")
    }
}
