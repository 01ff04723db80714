import Desk
import Foundation
import Webhooks

/// The webhook bench's requests: the synthetic clinic's measured mail (60% BOOK with frequent conflicts,
/// 20% SLOTS, 15% CANCEL, 5% not commands, each from a registered patient) turned into the generic JSON
/// message `POST /webhooks/messages` takes, each with an id of its own and signed per Standard Webhooks
/// with the bench's secret at the desk's (fixed) clock, so every one is trusted and none is a duplicate.
struct SignedMessages {
    /// A secret made for the bench, in the `whsec_` form `CAREDESK_WEBHOOK_SECRET` takes.
    static let secret = "whsec_" + Data("caredesk bench: not a real secret".utf8).base64EncodedString()

    struct Signed {
        let id: String
        let signature: String
        let body: Data
    }

    let timestamp: Int64
    let messages: [Signed]

    private struct Message: Encodable {
        let id, channel, from, to, text, subject: String
    }

    init(mails: [String], idPrefix: String, timestamp: Int64) throws {
        let signer = try StandardWebhookSignature(secret: Self.secret)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        self.timestamp = timestamp
        messages = try mails.enumerated().map { i, mail in
            let (from, subject, text) = Self.parts(of: mail)
            let id = "\(idPrefix)-\(i)"
            let body = try encoder.encode(Message(id: id, channel: "email", from: from, to: "desk@bench.example", text: text,
                                                  subject: subject))
            return Signed(id: id, signature: signer.sign(id: id, timestamp: Int(timestamp), body: body), body: body)
        }
    }

    /// The sender, subject and text of one of the synthetic clinic's plain messages (LF line ends, no MIME parts).
    static func parts(of mail: String) -> (from: String, subject: String, text: String) {
        let halves = mail.split(separator: "\n\n", maxSplits: 1, omittingEmptySubsequences: false)
        var from = "", subject = ""
        for line in halves[0].split(separator: "\n") {
            if line.hasPrefix("From: ") { from = String(line.dropFirst(6)) }
            if line.hasPrefix("Subject: ") { subject = String(line.dropFirst(9)) }
        }
        let text = halves.count > 1 ? String(halves[1]).trimmingCharacters(in: .whitespacesAndNewlines) : ""
        return (from, subject, text)
    }

    /// Every message as an HTTP/1.1 request to `path` on a loopback port, in wire form: the same headers and
    /// body whichever endpoint they go to.
    func requests(path: String, port: Int) -> [[UInt8]] {
        messages.map { message in
            var wire = Array(("POST \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
                + "Content-Type: application/json\r\nContent-Length: \(message.body.count)\r\n"
                + "webhook-id: \(message.id)\r\nwebhook-timestamp: \(timestamp)\r\n"
                + "webhook-signature: \(message.signature)\r\n\r\n").utf8)
            wire.append(contentsOf: message.body)
            return wire
        }
    }
}
