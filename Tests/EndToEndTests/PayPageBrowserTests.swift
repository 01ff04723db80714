import Foundation
import Testing
import TestServers

/// The pay page as a patient uses it: headless Chromium opens the link from the booking reply on the built
/// binary's `serve`, the patient types the test card and pays, and the desk marks the appointment paid
/// (localstripe's signed webhook, then the receipt by mail). Without Stripe's script the page still tells the
/// patient what is owed and how else to pay. Screenshots are kept in `.build/test-artefacts` to look at.
@Suite(.serialized, .enabled(if: PayInBrowser.enabled, "needs chromium, chromedriver and selenium: scripts/deps.sh installs them"))
struct PayPageBrowserTests {
    @Test func aPatientPaysOnThePageWithTheTestCardAndTheDeskMarksItPaid() async throws {
        let desk = try PaymentDesk.start("pay-browser")
        defer { desk.stop() }
        let priya = desk.patients[0]
        let held = try desk.send("BOOK Dr Rao Tue 10:00", from: priya)
        let token = try PaymentDesk.token(in: held)
        _ = try await desk.intent(for: token)

        let shot = PayInBrowser.artefacts.appendingPathComponent("pay-page.png")
        let filled = PayInBrowser.artefacts.appendingPathComponent("pay-page-card.png")
        for old in [shot, filled] { try? FileManager.default.removeItem(at: old) }
        let paid = try PayInBrowser.run(["--url", "http://127.0.0.1:\(desk.server.port)/pay/\(token)", "--card", "4242 4242 4242 4242",
                                         "--screenshot", shot.path, "--filled-screenshot", filled.path])
        #expect(paid.status == 0, "\(paid.stderr) \(desk.server.stderr)")
        #expect(paid.stdout.contains("Paid. Thank you: a receipt is on its way by mail."), "\(paid.stdout)")

        // The desk hears it from Stripe, not from the page: the receipt, the appointment paid, the page says so.
        let receipt = try #require(try desk.notice(to: priya, subject: "Receipt: ₹800").first, "no receipt: \(desk.server.stderr)")
        #expect(receipt.contains("₹800 (card)") && receipt.contains("Dr Suresh Rao, Tue 3 Mar 2026, 10:00–10:30 IST"), "\(receipt)")
        let appointments = try desk.send("APPOINTMENTS", from: priya)
        #expect(appointments.contains("— paid"), "\(appointments)")
        let after = try await desk.page(token)
        #expect(after.html.contains("<b>Paid.</b>") && !after.html.contains("data-secret"))

        for picture in [shot, filled] {
            let png = try Data(contentsOf: picture)
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 5_000, "\(picture.path) is no screenshot")
        }
    }

    @Test func aDeclinedCardIsToldOnThePage() async throws {
        let desk = try PaymentDesk.start("pay-browser-declined")
        defer { desk.stop() }
        let priya = desk.patients[0]
        let token = try PaymentDesk.token(in: try desk.send("BOOK Dr Rao Tue 11:00", from: priya))
        _ = try await desk.intent(for: token)
        let declined = try PayInBrowser.run(["--url", "http://127.0.0.1:\(desk.server.port)/pay/\(token)", "--card", "4000 0000 0000 0341",
                                             "--expect-text", "Not paid",
                                             "--screenshot", PayInBrowser.artefacts.appendingPathComponent("pay-page-declined.png").path])
        #expect(declined.status == 0, "\(declined.stderr)")
        #expect(declined.stdout.contains("Not paid: Your card was declined. You can try another card."), "\(declined.stdout)")
        let told = try #require(try desk.notice(to: priya, subject: "Your payment for").first, "not told: \(desk.server.stderr)")
        #expect(told.contains("did not go through"), "\(told)")
        #expect(try desk.sent().allSatisfy { !$0.subject.hasPrefix("Receipt") }, "no receipt for a declined card")
    }

    @Test func withoutStripesScriptThePageShowsTheSummaryAndHowElseToPay() async throws {
        // Stripe's script cannot be fetched: nothing listens where it is said to be.
        let desk = try PaymentDesk.start("pay-browser-no-script",
                                         environment: ["CAREDESK_STRIPE_JS_URL": "http://127.0.0.1:\(unusedPort())/js.stripe.com/v3/"])
        defer { desk.stop() }
        let token = try PaymentDesk.token(in: try desk.send("BOOK Dr Rao Tue 10:00", from: desk.patients[0]))
        _ = try await desk.intent(for: token)
        #expect(try await desk.page(token).status == 200)
        let looked = try PayInBrowser.run(["--url", "http://127.0.0.1:\(desk.server.port)/pay/\(token)", "--look",
                                           "--screenshot", PayInBrowser.artefacts.appendingPathComponent("pay-page-no-script.png").path])
        #expect(looked.status == 0, "\(looked.stderr)")
        let seen = looked.stdout
        #expect(seen.contains("Dr Suresh Rao") && seen.contains("Tue 3 Mar 2026, 10:00–10:30 IST") && seen.contains("₹800"), "\(seen)")
        #expect(seen.contains("Card payment is not available on this page right now. You can pay at the desk when you come, or call"),
                "\(seen)")
        #expect(!seen.contains("Pay ₹800"), "no card form that cannot work: \(seen)")
        #expect(!seen.lowercased().contains("error") && !seen.contains("Stripe is not defined"), "no error trace: \(seen)")
    }
}
