import Foundation
import TestServers

/// The clinic's steady day for the soak: one message a beat, by turns mail dropped into the watched Maildir,
/// a signed Twilio SMS, and a signed JSON message answered by mail or by text. Mail comes from patients
/// registered beforehand; the texting patients register (REGISTER, then VERIFY with the texted code) during
/// the run and then write real commands; a few strangers text too. Whatever is sent, one reply is owed.
/// Its calls block (the load runs on a thread of its own, see `onItsOwnThread`).
final class SoakLoad {
    enum Kind: String, CaseIterable { case mail, sms, jsonMail = "json-mail", jsonSMS = "json-sms" }

    /// Each beat's kind, in turn.
    static let rota: [Kind] = [.mail, .sms, .mail, .jsonMail, .sms, .mail, .jsonSMS, .sms]

    static let publicURL = "https://desk.kanchicare.example"
    static let secret = "whsec_" + Data("the soak's shared secret".utf8).base64EncodedString()
    static let clinicNumber = "+914427220000"

    private let server: ServeProcess
    private let gateway: SMSGatewayTestServer
    private let maildir: URL
    private let mailPatients: [String]
    private var texters: [Texter]
    private let strangers = (0..<12).map { String(format: "+91984002%04d", $0) }
    private var beat = 0

    /// What was sent, by kind.
    private(set) var sent: [Kind: Int] = [:]
    /// What was owed an answer: mail keys (the inbound Message-ID, or the JSON message's subject) and texts owed per number.
    private(set) var owed = RepliesOwed()
    /// Webhook requests not answered 200 (each is a message the sender would have to send again).
    private(set) var refusedWebhooks: [String] = []

    /// A patient who texts: registers first, then writes commands.
    private struct Texter {
        enum Stage { case unknown, registering, verified }
        let number: String
        var stage = Stage.unknown
    }

    init(server: ServeProcess, gateway: SMSGatewayTestServer, maildir: URL, mailPatients: [String], texters: Int = 6) {
        self.server = server
        self.gateway = gateway
        self.maildir = maildir
        self.mailPatients = mailPatients
        self.texters = (0..<texters).map { Texter(number: String(format: "+91984001%04d", $0)) }
    }

    /// Sends this beat's message.
    func sendNext() throws {
        let kind = Self.rota[beat % Self.rota.count]
        let n = beat
        beat += 1
        sent[kind, default: 0] += 1
        switch kind {
        case .mail:
            let id = "soak-\(n)@example.in"
            let from = mailPatients[n % mailPatients.count]
            try deliverToMaildir(mail(from: from, subject: "soak \(n)", body: SoakCommands.forMail(n), id: id),
                                 name: "\(n).soak.test", maildir: maildir)
            owed.mail.insert("<\(id)>")
        case .sms:
            try text(from: n)
        case .jsonMail:
            let subject = "soak-json-\(n)"
            let from = mailPatients[(n / 3) % mailPatients.count]
            try message(id: "feed-\(n)", channel: "email", from: from, text: SoakCommands.forMail(n), subject: subject)
            owed.mail.insert(subject)
        case .jsonSMS:
            let number = strangers[n % strangers.count]
            try message(id: "feed-\(n)", channel: "sms", from: number, text: SoakCommands.forStranger(n), subject: nil)
            owed.texts[number, default: 0] += 1
        }
    }

    /// A texting patient's next message: REGISTER, VERIFY once the code has come, then commands.
    private func text(from n: Int) throws {
        let which = n % texters.count
        var texter = texters[which]
        let body: String
        switch texter.stage {
        case .unknown:
            body = "REGISTER Texting Patient \(which)"
            texter.stage = .registering
        case .registering:
            if let code = try verificationCode(for: texter.number) {
                body = "VERIFY \(code)"
                texter.stage = .verified
            } else {
                body = SoakCommands.forText(n)
            }
        case .verified:
            body = SoakCommands.forText(n)
        }
        texters[which] = texter
        let parameters = [("MessageSid", String(format: "SM%032x", n)), ("AccountSid", gateway.account), ("From", texter.number),
                          ("To", Self.clinicNumber), ("Body", body), ("NumMedia", "0")]
        let signature = WebhookSigning.twilio(url: Self.publicURL + "/webhooks/sms", parameters: parameters, token: gateway.token)
        let answer = try server.postWaiting("/webhooks/sms", headers: ["Content-Type": "application/x-www-form-urlencoded",
                                                                      "X-Twilio-Signature": signature],
                                           body: WebhookSigning.form(parameters))
        owed.texts[texter.number, default: 0] += 1
        if answer.status != 200 { refusedWebhooks.append("sms \(n): \(answer.status)") }
    }

    private func verificationCode(for number: String) throws -> String? {
        try gateway.calls().last { $0.to == number && $0.status < 300 && $0.body?.contains("VERIFY") == true }?
            .body?.firstMatch(of: /VERIFY (\d{6})/).map { String($0.1) }
    }

    /// POSTs a JSON message signed per Standard Webhooks, stamped with the real time.
    private func message(id: String, channel: String, from: String, text: String, subject: String?) throws {
        var fields: [String: String] = ["id": id, "channel": channel, "from": from, "to": "desk@kanchicare.example", "text": text]
        if let subject { fields["subject"] = subject }
        let body = try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
        let timestamp = Int64(Date().timeIntervalSince1970)
        let headers = ["Content-Type": "application/json", "webhook-id": "msg_\(id)", "webhook-timestamp": "\(timestamp)",
                       "webhook-signature": WebhookSigning.standard(id: "msg_\(id)", timestamp: timestamp, body: body, secret: Self.secret)]
        let answer = try server.postWaiting("/webhooks/messages", headers: headers, body: body)
        if answer.status != 200 { refusedWebhooks.append("\(id): \(answer.status)") }
    }

    /// The settings `serve` needs for this load: the gateway, the webhooks' secrets, no hourly allowance.
    static func environment(gateway: SMSGatewayTestServer, smtpURL: String) -> [String: String] {
        ["CAREDESK_SMTP_URL": smtpURL,
         "CAREDESK_TWILIO_BASE_URL": gateway.baseURL, "CAREDESK_TWILIO_ACCOUNT_SID": gateway.account,
         "CAREDESK_TWILIO_AUTH_TOKEN": gateway.token, "CAREDESK_TWILIO_FROM": clinicNumber,
         "CAREDESK_PUBLIC_URL": publicURL, "CAREDESK_WEBHOOK_SECRET": secret, "CAREDESK_RATE_LIMIT": "1000000"]
    }
}

/// The replies owed: one mail per key (an inbound Message-ID, or a JSON message's unique subject), and per
/// number as many texts as were sent from it.
struct RepliesOwed {
    var mail: Set<String> = []
    var texts: [String: Int] = [:]
}
