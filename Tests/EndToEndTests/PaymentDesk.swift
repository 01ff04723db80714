import Crypto
import Foundation
import Mail
import Testing
import TestServers
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A clinic that takes fees at booking, served by `caredesk serve` against localstripe: patients write by
/// mail (the served Maildir), replies and notices land in `DATA/outgoing/new`, localstripe sends its signed
/// events to `POST /webhooks/stripe`.
struct PaymentDesk: @unchecked Sendable {
    static let now = "2026-03-02T09:00:00+05:30"
    static let webhookSecret = "whsec_caredesk_tests_" + String(repeating: "k", count: 24)
    static let linkSecret = "a link secret for the payment tests, long enough"
    static let publicURL = "https://desk.kanchicare.example"

    let root: URL
    let data: URL
    let maildir: URL
    let stripe: LocalStripeServer
    let server: ServeProcess
    let patients: [String]
    var environment: [String: String]

    /// `refund`: the clinic's rule for patients' own cancellations. `environment`: settings of `serve` (and of
    /// `tick` and `broadcast` runs through `desk.environment`) to use instead of the usual ones.
    static func start(_ name: String, patients count: Int = 2, holdMinutes: Int = 30,
                      refund: (hours: Int, percent: Int) = (24, 50), environment extra: [String: String] = [:]) throws -> PaymentDesk {
        let root = try temporaryFolder(name)
        let data = root.appendingPathComponent("data")
        // The sample clinic, taking the fee at booking.
        let sample = try Data(contentsOf: CareDeskBinary.packageRoot.appendingPathComponent("Samples/clinic.json"))
        var clinicFile = try #require(try JSONSerialization.jsonObject(with: sample) as? [String: Any])
        var clinic = try #require(clinicFile["clinic"] as? [String: Any])
        clinic["payment"] = "atBooking"
        clinic["holdMinutes"] = holdMinutes
        clinic["refund"] = ["fullIfHoursBefore": refund.hours, "otherwisePercent": refund.percent]
        clinicFile["clinic"] = clinic
        let clinicPath = root.appendingPathComponent("clinic.json")
        try JSONSerialization.data(withJSONObject: clinicFile).write(to: clinicPath)
        let initialised = try CareDeskBinary.run(["init", "--data", data.path, "--clinic", clinicPath.path])
        #expect(initialised.status == 0, "\(initialised.stderr)")
        let patients = try registerPatients(count: count, data: data, root: root, now: now)

        let stripe = try LocalStripeServer()
        let maildir = root.appendingPathComponent("maildir")
        try makeMaildir(at: maildir, messages: [])
        let environment = ["CAREDESK_STRIPE_SECRET_KEY": stripe.secretKey, "CAREDESK_STRIPE_BASE_URL": stripe.baseURL,
                           "CAREDESK_STRIPE_WEBHOOK_SECRET": webhookSecret, "CAREDESK_STRIPE_PUBLISHABLE_KEY": "pk_test_caredesk",
                           "CAREDESK_STRIPE_JS_URL": stripe.baseURL + "/js.stripe.com/v3/",
                           "CAREDESK_LINK_SECRET": linkSecret, "CAREDESK_PUBLIC_URL": publicURL].merging(extra) { $1 }
        let server = try ServeProcess(["--data", data.path, "--maildir", maildir.path, "--now", now, "--poll-interval", "0.1"],
                                      errors: root.appendingPathComponent("serve.err"), environment: environment)
        let desk = PaymentDesk(root: root, data: data, maildir: maildir, stripe: stripe, server: server, patients: patients,
                               environment: environment)
        // localstripe sends every event to the desk, signed with the desk's secret.
        let configured = try desk.stripeCall("/_config/webhooks/caredesk",
                                             form: [("url", "http://127.0.0.1:\(server.port)/webhooks/stripe"), ("secret", webhookSecret)])
        #expect(configured.status == 200, "\(configured.body)")
        return desk
    }

    func stop() {
        server.stop()
        stripe.stop()
        try? FileManager.default.removeItem(at: root)
    }

    // MARK: mail

    /// Sends `body` from `from` into the served Maildir and waits for the reply; its plain text.
    func send(_ body: String, from: String) throws -> String {
        let id = "\(UUID().uuidString)@example.in"
        try deliverToMaildir(mail(from: from, subject: "to the desk", body: body, id: id), name: "\(id).eml", maildir: maildir)
        var reply: MailMessage?
        _ = try eventually { reply = try self.sent().first { $0.header("In-Reply-To") == "<\(id)>" }; return reply != nil }
        return try #require(reply, "no reply to \(body): \(server.stderr)").text
    }

    /// Everything the desk has sent by mail so far.
    func sent() throws -> [MailMessage] {
        try files(in: data.appendingPathComponent("outgoing/new")).map { MailMessage.parse(try Data(contentsOf: $0)) }
    }

    /// Waits for a notice to `to` whose subject starts with `subject`; its text.
    func notice(to: String, subject: String, count: Int = 1) throws -> [String] {
        var found: [MailMessage] = []
        _ = try eventually {
            found = try sent().filter { ($0.header("To") ?? "").contains(to) && $0.subject.hasPrefix(subject) }
            return found.count >= count
        }
        return found.map(\.text)
    }

    // MARK: the pay page and Stripe

    /// The pay link's token in a reply.
    static func token(in text: String) throws -> String {
        let match = try #require(text.firstMatch(of: /\/pay\/([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)/), "no pay link in \(text)")
        return String(match.1)
    }

    /// GET /pay/<token>: the status and the page.
    func page(_ token: String) async throws -> (status: Int, html: String) {
        let (status, body) = try await server.get("/pay/\(token)", bearer: nil)
        return (status, String(decoding: body, as: UTF8.self))
    }

    /// Waits until the page offers the card form (the outbox made the PaymentIntent); the PaymentIntent's id.
    func intent(for token: String) async throws -> String {
        var secret: String?
        _ = try await eventuallyAsync {
            secret = try await page(token).html.firstMatch(of: /data-secret="([^"]+)"/).map { String($0.1) }
            return secret != nil
        }
        let clientSecret = try #require(secret, "the pay page never offered the card form: \(server.stderr)")
        return String(try #require(clientSecret.components(separatedBy: "_secret_").first))
    }

    /// Pays the PaymentIntent with a test card as the page's Stripe.js would: the card attached, then confirmed.
    @discardableResult
    func pay(_ intent: String, card: String = "pm_card_visa") throws -> (status: Int, body: String) {
        let attached = try stripeCall("/v1/payment_intents/\(intent)", form: [("payment_method", card)])
        #expect(attached.status == 200, "\(attached.body)")
        return try stripeCall("/v1/payment_intents/\(intent)/confirm", form: [])
    }

    /// A call on localstripe's API with the secret key; the status and the body.
    func stripeCall(_ path: String, form: [(String, String)]? = nil) throws -> (status: Int, body: String) {
        var request = URLRequest(url: URL(string: stripe.baseURL + path)!)
        request.setValue("Bearer \(stripe.secretKey)", forHTTPHeaderField: "Authorization")
        if let form {
            request.httpMethod = "POST"
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(form.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
                .joined(separator: "&").utf8)
        }
        let box = ResultBox()
        URLSession.shared.dataTask(with: request) { body, response, _ in
            box.set(((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: body ?? Data(), as: UTF8.self)))
        }.resume()
        return box.wait()
    }

    /// Posts a Stripe event to the desk, signed with `secret` at `timestamp` (nil: no signature at all).
    func postEvent(_ json: String, timestamp: Int = Int(Date().timeIntervalSince1970),
                   secret: String? = PaymentDesk.webhookSecret) async throws -> (status: Int, body: String) {
        var headers = ["Content-Type": "application/json"]
        if let secret {
            let mac = HMAC<SHA256>.authenticationCode(for: Data("\(timestamp).\(json)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
            headers["Stripe-Signature"] = "t=\(timestamp),v1=" + mac.map { String(format: "%02x", $0) }.joined()
        }
        let (status, body) = try await server.post("/webhooks/stripe", headers: headers, body: Data(json.utf8))
        return (status, String(decoding: body, as: UTF8.self))
    }
}

/// Waits for one URLSession answer (the tests' calls on localstripe are synchronous).
final class ResultBox: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var value: (Int, String) = (0, "")
    func set(_ value: (Int, String)) {
        self.value = value
        done.signal()
    }
    func wait() -> (Int, String) {
        done.wait()
        return value
    }
}
