import Foundation
import Testing
import TestServers

/// `caredesk serve`'s webhooks end to end: signed SMS in Twilio's form answered through a (local, fake)
/// Twilio-compatible gateway, signed JSON messages answered by mail or SMS, and everything else refused
/// with a JSON error and no change.
@Suite struct WebhookTests {
    static let now = "2026-03-02T09:00:00+05:30"
    static let nowSeconds: Int64 = 1_772_422_200
    static let publicURL = "https://desk.kanchicare.example"
    static let secret = "whsec_" + Data("a secret shared with the feed".utf8).base64EncodedString()
    static let clinicNumber = "+914427220000"

    /// Shared by concurrent requests: it only reads its lets, and posts through URLSession, which is thread-safe.
    struct Running: @unchecked Sendable {
        let root: URL
        let data: URL
        let maildir: URL
        let gateway: SMSGatewayTestServer
        let server: ServeProcess

        func stop() {
            server.stop()
            gateway.stop()
            try? FileManager.default.removeItem(at: root)
        }

        /// POSTs a signed inbound SMS; the status and body of the answer.
        func sms(_ body: String, from: String, sid: String, signature: String? = nil) async throws -> (status: Int, body: String) {
            let parameters = [("MessageSid", sid), ("AccountSid", gateway.account), ("From", from), ("To", WebhookTests.clinicNumber),
                              ("Body", body), ("NumMedia", "0")]
            let signed = signature ?? WebhookSigning.twilio(url: WebhookTests.publicURL + "/webhooks/sms", parameters: parameters, token: gateway.token)
            let (status, answer) = try await server.post("/webhooks/sms", headers: ["Content-Type": "application/x-www-form-urlencoded",
                                                                                    "X-Twilio-Signature": signed],
                                                         body: WebhookSigning.form(parameters))
            return (status, String(decoding: answer, as: UTF8.self))
        }

        /// POSTs a JSON message signed per Standard Webhooks (at `timestamp`, default the desk's now).
        func message(_ json: String, id: String, timestamp: Int64 = WebhookTests.nowSeconds, sign: Bool = true) async throws -> (status: Int, body: String) {
            let body = Data(json.utf8)
            var headers = ["Content-Type": "application/json", "webhook-id": id, "webhook-timestamp": "\(timestamp)"]
            if sign { headers["webhook-signature"] = WebhookSigning.standard(id: id, timestamp: timestamp, body: body, secret: WebhookTests.secret) }
            let (status, answer) = try await server.post("/webhooks/messages", headers: headers, body: body)
            return (status, String(decoding: answer, as: UTF8.self))
        }

        /// REGISTERs `number` as `name` by SMS and VERIFYs it with the code texted back (MessageSids `sid` 1 and 2).
        func registerBySMS(_ name: String, number: String, sid: (Int) -> String) async throws {
            _ = try await sms("REGISTER \(name)", from: number, sid: sid(1))
            var texts: [String] = []
            #expect(try eventually { texts = try self.texts(to: number); return texts.count == 1 }, "\(server.stderr)")
            let code = try #require(texts.first?.firstMatch(of: /VERIFY (\d{6})/)?.1)
            _ = try await sms("VERIFY \(code)", from: number, sid: sid(2))
        }

        /// The texts the gateway was asked to send to `number`, in order.
        func texts(to number: String) throws -> [String] {
            try gateway.calls().filter { $0.to == number && $0.status < 300 }.compactMap(\.body)
        }
    }

    func start(_ name: String, environment extra: [String: String] = [:], gatewayStatuses: [Int] = []) throws -> Running {
        let (root, data) = try sampleClinicFolder(name)
        let maildir = root.appendingPathComponent("maildir")
        try makeMaildir(at: maildir, messages: [])
        let gateway = try SMSGatewayTestServer(statuses: gatewayStatuses)
        var environment = ["CAREDESK_TWILIO_BASE_URL": gateway.baseURL, "CAREDESK_TWILIO_ACCOUNT_SID": gateway.account,
                           "CAREDESK_TWILIO_AUTH_TOKEN": gateway.token, "CAREDESK_TWILIO_FROM": Self.clinicNumber,
                           "CAREDESK_PUBLIC_URL": Self.publicURL, "CAREDESK_WEBHOOK_SECRET": Self.secret]
        for (key, value) in extra { environment[key] = value }
        let server = try ServeProcess(["--data", data.path, "--maildir", maildir.path, "--now", Self.now, "--poll-interval", "0.1",
                                       "--port", "0"], errors: root.appendingPathComponent("serve.err"), environment: environment)
        return Running(root: root, data: data, maildir: maildir, gateway: gateway, server: server)
    }

    @Test func aSignedSMSIsAnsweredThroughTheGatewayWhileMailIsAnsweredByMail() async throws {
        let desk = try start("webhook-sms")
        defer { desk.stop() }
        let number = "+919840000001"
        let registered = try await desk.sms("REGISTER Lakshmi Narayanan", from: number, sid: "SM00000000000000000000000000000001")
        #expect(registered.status == 200 && registered.body.contains("<Response></Response>"), "\(registered)")
        var texts: [String] = []
        #expect(try eventually { texts = try desk.texts(to: number); return texts.count == 1 }, "no SMS reached the gateway: \(desk.server.stderr)")
        let code = try #require(texts.first?.firstMatch(of: /VERIFY (\d{6})/)?.1)
        _ = try await desk.sms("VERIFY \(code)", from: number, sid: "SM00000000000000000000000000000002")
        _ = try await desk.sms("BOOK Dr Rao Tue 10:00 chest pain", from: number, sid: "SM00000000000000000000000000000003")
        #expect(try eventually { texts = try desk.texts(to: number); return texts.count == 3 }, "\(texts)")
        let booked = try #require(texts.last)
        let ref = try #require(booked.firstMatch(of: /Booked ([A-Z0-9]{5}):/)?.1)
        #expect(booked.contains("To cancel, text CANCEL \(ref)") && !booked.contains("chest"), "\(booked)")
        #expect(try desk.gateway.calls().allSatisfy { $0.authOK && $0.from == Self.clinicNumber })

        // The same MessageSid again: 200, nothing done twice.
        let again = try await desk.sms("BOOK Dr Rao Tue 10:00 chest pain", from: number, sid: "SM00000000000000000000000000000003")
        #expect(again.status == 200)
        // A forged or missing signature: 403 with a JSON error, and nothing changes.
        let forged = try await desk.sms("CANCEL \(ref)", from: number, sid: "SM00000000000000000000000000000004", signature: "bm90IGEgc2lnbmF0dXJl")
        #expect(forged.status == 403 && forged.body.contains("\"error\""), "\(forged)")
        // Mail dropped into the Maildir meanwhile is answered by mail.
        try deliverToMaildir(mail(from: "anita.desai@example.in", subject: "Help", body: "INFO", id: "webhook-mail-1@example.in"),
                             name: "3000.webhook.test", maildir: desk.maildir)
        #expect(try eventually { try repliesByInReplyTo(desk.data)["<webhook-mail-1@example.in>"] == 1 }, "\(desk.server.stderr)")
        try await Task.sleep(for: .milliseconds(400))
        #expect(try desk.texts(to: number).count == 3, "a duplicate or a forged request was answered")
        let shown = try CareDeskBinary.run(["show", "--data", desk.data.path, "appointments", "--json"])
        #expect(shown.stdout.components(separatedBy: "\"confirmed\"").count == 2, "one appointment, still confirmed: \(shown.stdout)")
    }

    @Test func aTextTheGatewayRefusesForNowIsTriedAgainAndOneRefusedForGoodFails() async throws {
        let desk = try start("webhook-retry", gatewayStatuses: [429, 400])
        defer { desk.stop() }
        let number = "+919840000021"
        _ = try await desk.sms("HELP", from: number, sid: "SM30000000000000000000000000000001")
        func outbox() throws -> [[String: String]] {
            let shown = try CareDeskBinary.run(["show", "--data", desk.data.path, "outbox", "--json"]).stdout
            return try JSONSerialization.jsonObject(with: Data(shown.utf8)) as? [[String: String]] ?? []
        }
        var rows: [[String: String]] = []
        #expect(try eventually { rows = try outbox(); return rows.first?["state"] == "deferred" }, "\(rows)")
        #expect(rows.first?["error"]?.contains("429") == true, "\(rows)")
        #expect(desk.server.signal(SIGTERM)?.status == 0)
        // Five minutes on, the retry is due: the gateway now refuses it for good (400), so it fails and is not retried.
        let environment = ["CAREDESK_TWILIO_BASE_URL": desk.gateway.baseURL, "CAREDESK_TWILIO_ACCOUNT_SID": desk.gateway.account,
                           "CAREDESK_TWILIO_AUTH_TOKEN": desk.gateway.token, "CAREDESK_TWILIO_FROM": Self.clinicNumber]
        try CareDeskBinary.run(["deliver", "--data", desk.data.path, "--now", "2026-03-02T09:06:00+05:30"], environment: environment)
        rows = try outbox()
        #expect(rows.first?["state"] == "failed" && rows.first?["error"]?.contains("400") == true, "\(rows)")
        try CareDeskBinary.run(["deliver", "--data", desk.data.path, "--now", "2026-03-02T10:00:00+05:30"], environment: environment)
        #expect(try desk.gateway.calls().count == 2, "tried twice, no more")
    }

    @Test func cannedKeywordsAndTheHourlyLimit() async throws {
        let desk = try start("webhook-keywords", environment: ["CAREDESK_RATE_LIMIT": "3"])
        defer { desk.stop() }
        let number = "+919840000009"
        _ = try await desk.sms("HELP", from: number, sid: "SM10000000000000000000000000000001")
        _ = try await desk.sms("STOP", from: number, sid: "SM10000000000000000000000000000002")
        _ = try await desk.sms("INFO", from: number, sid: "SM10000000000000000000000000000003")
        var texts: [String] = []
        #expect(try eventually { texts = try desk.texts(to: number); return texts.count == 1 })
        #expect(texts.first?.contains("Reply STOP to opt out") == true, "\(texts)")
        // Opted out: START opts back in; replies meanwhile were not texted.
        _ = try await desk.sms("START", from: number, sid: "SM10000000000000000000000000000004")
        #expect(try eventually { texts = try desk.texts(to: number); return texts.count == 2 })
        #expect(texts.last?.contains("you will get our texts again") == true, "\(texts)")
        let outbox = try CareDeskBinary.run(["show", "--data", desk.data.path, "outbox", "--json"]).stdout
        #expect(outbox.contains("opted out of SMS"), "the INFO reply was not texted: \(outbox)")

        // Over the limit of 3 an hour: one polite answer, then nothing is read or answered.
        let busy = "+919840000010"
        for i in 1...5 {
            let answer = try await desk.sms("INFO", from: busy, sid: "SM2000000000000000000000000000000\(i)")
            #expect(answer.status == 200)
        }
        try await Task.sleep(for: .milliseconds(500))
        #expect(try eventually { texts = try desk.texts(to: busy); return texts.count == 4 }, "\(texts)")
        #expect(texts.filter { $0.contains("over 3 texts within an hour") }.count == 1, "\(texts)")
        // A carrier keyword is never held back by the limit.
        _ = try await desk.sms("STOP", from: busy, sid: "SM20000000000000000000000000000006")
        #expect(try eventually { try CareDeskBinary.run(["show", "--data", desk.data.path, "outbox", "--json"]).status == 0 })
    }

    /// The signed JSON feed vouches for a patient's address, so nothing waits for CONFIRM; it speaks for
    /// the desk or a doctor only with `staffSenders`, and otherwise the real staff address is asked to CONFIRM.
    @Test func theJSONFeedSpeaksForStaffOnlyWhenAllowed() async throws {
        func answers(_ desk: Running) throws -> [String] {
            try files(in: desk.data.appendingPathComponent("outgoing/new")).map { try String(contentsOf: $0, encoding: .utf8) }
        }
        let broadcast = #"{"id": "staff-1", "channel": "email", "from": "desk@kanchicare.example", "to": "desk@kanchicare.example", "text": "BROADCAST Tue the lift is out of order"}"#
        let held = try start("webhook-staff")
        defer { held.stop() }
        #expect(try await held.message(broadcast, id: "msg_s1").status == 200)
        #expect(try eventually { try answers(held).contains { $0.contains("CONFIRM ") && $0.contains("\nTo: desk@kanchicare.example") } },
                "\(held.server.stderr)")
        let allowed = try start("webhook-staff-allowed", environment: ["CAREDESK_WEBHOOK_STAFF_SENDERS": "1"])
        defer { allowed.stop() }
        #expect(try await allowed.message(broadcast, id: "msg_s2").status == 200)
        #expect(try eventually { try answers(allowed).contains { $0.contains("BROADCAST Tue") } }, "\(allowed.server.stderr)")
        #expect(try answers(allowed).allSatisfy { !$0.contains("CONFIRM ") })
    }

    @Test func signedJSONMessagesAreAnsweredByTheChannelTheyName() async throws {
        let desk = try start("webhook-json")
        defer { desk.stop() }
        let byMail = try await desk.message(#"{"id": "feed-1", "channel": "email", "from": "ravi.k@example.com", "to": "desk@kanchicare.example", "text": "DOCTORS", "subject": "our doctors"}"#, id: "msg_1")
        #expect(byMail.status == 200 && byMail.body.contains("answered"), "\(byMail)")
        #expect(try eventually {
            try files(in: desk.data.appendingPathComponent("outgoing/new")).contains {
                let text = try String(contentsOf: $0, encoding: .utf8)
                return text.contains("To: ravi.k@example.com") && text.contains("Subject: Re: our doctors")
            }
        }, "\(desk.server.stderr)")
        let bySMS = try await desk.message(#"{"id": "feed-2", "channel": "sms", "from": "+919840000003", "to": "+914427220000", "text": "SLOTS Dr Rao Tue"}"#, id: "msg_2")
        #expect(bySMS.status == 200)
        var slots: [String] = []
        #expect(try eventually { slots = try desk.texts(to: "+919840000003"); return slots.first?.hasPrefix("Dr Suresh Rao Tue 3 Mar 2026") == true },
                "\(slots)")
        let again = try await desk.message(#"{"id": "feed-2", "channel": "sms", "from": "+919840000003", "to": "+914427220000", "text": "SLOTS Dr Rao Tue"}"#, id: "msg_3")
        #expect(again.body.contains("duplicate"), "\(again)")

        let stale = try await desk.message(#"{"id": "feed-4", "channel": "email", "from": "a@example.com", "to": "d", "text": "INFO"}"#, id: "msg_4",
                                           timestamp: Self.nowSeconds - 600)
        #expect(stale.status == 403, "\(stale)")
        let unsigned = try await desk.message(#"{"id": "feed-5", "channel": "email", "from": "a@example.com", "to": "d", "text": "INFO"}"#, id: "msg_5",
                                              sign: false)
        #expect(unsigned.status == 403, "\(unsigned)")
        let malformed = try await desk.message(#"{"id": "feed-6", "channel": "fax", "from": "a@example.com""#, id: "msg_6")
        #expect(malformed.status == 400 && malformed.body.contains("\"error\""), "\(malformed)")
        let huge = try await desk.message(String(repeating: "x", count: 200_000), id: "msg_7")
        #expect(huge.status == 413, "\(huge.status)")
        let badForm = try await desk.server.post("/webhooks/sms", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                                 body: Data("Body=%ZZ".utf8))
        #expect(badForm.status == 400 || badForm.status == 403)
        // None of the refused requests reached the desk: two messages handled, nobody registered.
        let health = try JSONSerialization.jsonObject(with: try await desk.server.get("/health").body) as? [String: Any]
        #expect((health?["store"] as? [String: Int])?["patients"] == 0, "\(String(describing: health))")
    }
}
