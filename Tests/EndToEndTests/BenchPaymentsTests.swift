import Foundation
import Testing
import TestServers

/// `caredesk-bench payments`, small, against localstripe: every booking is booked and paid, both rates and
/// the share spent waiting for Stripe are printed. No timing is asserted.
@Suite struct BenchPaymentsTests {
    @Test func everyBookingIsPaidAndTheFiguresArePrinted() throws {
        let work = try temporaryFolder("bench-payments")
        defer { try? FileManager.default.removeItem(at: work) }
        let stripe = try LocalStripeServer()
        defer { stripe.stop() }
        let run = try CareDeskBinary.runBench(["payments", "--stripe-url", stripe.baseURL, "--bookings", "20", "--work", work.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("payments off: 20 booked in "), "\(run.stdout)")
        #expect(run.stdout.contains("payments at booking: 20 booked and paid in "), "\(run.stdout)")
        #expect(run.stdout.contains("share of the time waiting for Stripe: "), "\(run.stdout)")
        #expect(run.stdout.contains("ratio (at booking, end to end / off): "), "\(run.stdout)")
        #expect(files(in: work).isEmpty)
    }
}
