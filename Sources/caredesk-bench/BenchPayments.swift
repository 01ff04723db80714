import ArgumentParser
import Clinic
import Delivery
import Desk
import Dispatch
import Foundation
import SyntheticData
import Transport
import Webhooks

struct BenchPayments: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payments",
        abstract: "Measure bookings paid at booking against a Stripe API (localstripe), beside the same bookings with payments off.",
        discussion: """
        Builds a synthetic clinic (50 doctors) twice and books the same slots in both, one BOOK per patient, \
        in commits of --batch. With payments off that is all. With payments at booking each booking then goes \
        the whole way: the outbox creates its PaymentIntent on the Stripe API (--workers at once, each answer \
        journaled), the patient pays (the card attached, then confirmed, as the page's Stripe.js does), and \
        Stripe's payment_intent.succeeded event is signed as Stripe signs it, verified, read and recorded \
        (one commit each, as the webhook does; the HTTP in front of it is measured by `bench webhooks`). \
        Prints the rate of both and where the time went, with the share spent waiting for Stripe. Start \
        localstripe first (`make bench-payments` does). Asserts nothing.
        """)

    @Option(help: "The Stripe API to use, e.g. http://127.0.0.1:8420 (localstripe).") var stripeURL: String
    @Option(help: "The secret key (localstripe takes any sk_ key).") var stripeKey = "sk_test_bench"
    @Option(help: "Bookings in each run.") var bookings = 500
    @Option(help: "Messages per commit when booking.") var batch = 64
    @Option(help: "Calls on Stripe at once (outbox workers; patients paying).") var workers = 4
    @Option(help: "Work folder; each run works in a new subfolder and removes it at the end.") var work = ".build/bench"

    func run() throws {
        Desk.bootstrapLogging()
        let workURL = try runFolder(work, "payments")
        defer { try? FileManager.default.removeItem(at: workURL) }
        let now = Int64(1_772_422_200)
        var synthetic = SyntheticClinic(doctors: 50, patients: max(bookings, 100), appointments: 10_000)
        synthetic.payment = .atBooking
        let mails = synthetic.bookings(count: bookings).map { InboundMessage(raw: Data($0.utf8)) }
        let stripe = StripeConfiguration(secretKey: stripeKey, baseURL: stripeURL)
        Curl.initialise()
        print("payments bench — \(bookings) bookings (a slot each), \(synthetic.doctors) doctors, \(synthetic.appointments) appointments held, "
              + "batch \(batch), \(workers) at once on the Stripe API at \(stripeURL)")

        // Payments off: the bookings alone.
        let plain = try openDesk(synthetic, folder: workURL.appendingPathComponent("off"), now: now)
        let offSeconds = try timed { try book(mails, on: plain, now: now) }
        let offBooked = plain.state.clinic?.appointments.values.count { $0.isActive && $0.start > now } ?? 0
        print(String(format: "  payments off: %d booked in %.2f s = %.0f bookings/s", offBooked, offSeconds, Double(offBooked) / offSeconds))

        // Payments at booking: book, PaymentIntents from the outbox, the patients pay, Stripe's events recorded.
        let desk = try openDesk(synthetic, folder: workURL.appendingPathComponent("on"), now: now)
        desk.payments = try OnlinePayments(linkSecret: String(repeating: "b", count: 32), publicURL: "https://bench.example")
        let bookSeconds = try timed { try book(mails, on: desk, now: now) }
        let stripeCourier = try (0..<workers).map { _ in TimedCourier(try StripeCourier(stripe)) }
        let couriers = stripeCourier.map { ChannelCourier(mail: DiscardingCourier(), sms: DiscardingCourier(), stripe: $0) }
        let intentSeconds = try timed { _ = try DeliveryPass(desk: desk, policy: RetryPolicy(), couriers: couriers).run(now: now) }
        let waitedOnIntents = Double(stripeCourier.map(\.nanos).reduce(0, +)) / 1e9 / Double(workers)
        let due = desk.state.clinic?.dues.compactMap { ref, due in due.intentID.map { (ref: ref, intent: $0) } } ?? []
        var paid: [StripePaymentIntent?] = []
        let paySeconds = timed { paid = pay(due.map(\.intent), stripe: stripe) }
        let signer = try StripeSignature(secret: "whsec_bench")
        let eventSeconds = try timed {
            for (i, intent) in paid.enumerated() {
                guard let intent else { continue }
                let body = Data(#"{"id":"evt_bench_\#(i)","type":"payment_intent.succeeded","data":{"object":{"id":"\#(intent.id)","amount":\#(intent.amount),"amount_received":\#(intent.amount),"currency":"\#(intent.currency)","metadata":{"ref":"\#(intent.metadata["ref"] ?? "")"}}}}"#.utf8)
                let header = signer.sign(timestamp: Int(Date().timeIntervalSince1970), body: body)
                try signer.verify(header: header, body: body, now: Date())
                let event = try StripeEvent(json: body)
                try desk.reportPayments(event.reports(clinic: desk.state.clinic), now: now)
            }
        }
        let paidCount = desk.state.clinic?.payments.count ?? 0
        let total = bookSeconds + intentSeconds + paySeconds + eventSeconds
        let waiting = waitedOnIntents + paySeconds
        print(String(format: "  payments at booking: %d booked and paid in %.2f s = %.1f bookings/s end to end", paidCount, total, Double(paidCount) / total))
        for (label, seconds) in [("book (the desk, commits)", bookSeconds), ("PaymentIntents (outbox → Stripe, answers journaled)", intentSeconds),
                                 ("patients pay (card attached, confirmed)", paySeconds), ("Stripe's events (signature, record, commit each)", eventSeconds)] {
            print("      " + label.padding(toLength: 52, withPad: " ", startingAt: 0) + String(format: " %6.2f s  %4.1f%%", seconds, seconds / total * 100))
        }
        print(String(format: "  share of the time waiting for Stripe: %.0f%% (%.2f s of %.2f s: inside the PaymentIntent calls and the patients' calls)",
                     waiting / total * 100, waiting, total))
        print(String(format: "  ratio (at booking, end to end / off): %.3f", (Double(paidCount) / total) / (Double(offBooked) / offSeconds)))
    }

    func openDesk(_ synthetic: SyntheticClinic, folder: URL, now: Int64) throws -> Desk {
        try synthetic.write(to: folder, now: now)
        let desk = try Desk.open(folder, label: "bench")
        desk.payments = nil
        return desk
    }

    func book(_ mails: [InboundMessage], on desk: Desk, now: Int64) throws {
        var start = 0
        while start < mails.count {
            let end = min(start + batch, mails.count)
            _ = try desk.handle(Array(mails[start..<end]), now: now)
            start = end
        }
    }

    /// Each PaymentIntent paid with Stripe's test card, `workers` at once, as patients' browsers would.
    func pay(_ intents: [String], stripe: StripeConfiguration) -> [StripePaymentIntent?] {
        let results = PaidIntents(count: intents.count)
        let workers = self.workers
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            // One connection per worker, reused, as each patient's browser keeps its own.
            guard let api = try? StripeAPI(configuration: stripe) else { return }
            var i = worker
            while i < intents.count {
                if case .success = api.attach(paymentMethod: "pm_card_visa", to: intents[i]),
                   case .success(let intent) = api.confirm(paymentIntent: intents[i]), intent.status == "succeeded" {
                    results.set(i, intent)
                }
                i += workers
            }
        }
        return results.all
    }
}

/// The patients' paid PaymentIntents by index; each index written by one thread only.
final class PaidIntents: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [StripePaymentIntent?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: StripePaymentIntent) { lock.withLock { values[i] = value } }
    var all: [StripePaymentIntent?] { lock.withLock { values } }
}

/// A courier that times each hand-over it passes on (one delivery worker uses it at a time).
final class TimedCourier: Courier, @unchecked Sendable {
    private let inner: any Courier
    private(set) var nanos: UInt64 = 0
    init(_ inner: any Courier) { self.inner = inner }
    func hand(_ message: OutboxMessage) -> CourierResult {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { nanos += DispatchTime.now().uptimeNanoseconds - start }
        return inner.hand(message)
    }
}

/// Takes the bench's replies and sends them nowhere.
final class DiscardingCourier: Courier, @unchecked Sendable {
    func hand(_ message: OutboxMessage) -> CourierResult { .sent }
}
